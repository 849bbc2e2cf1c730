package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    @Test
    void aCursorLeadsToTheNextPageOfItsOwnSearch() {
        SearchQuery first = SearchQuery.of("storm warning").withLanguage("en").withLimit(5);

        assertThat(first.after(first.nextCursor()).offset()).isEqualTo(5);
        assertThat(first.withLimit(10).after(first.nextCursor()).offset()).as("another page size").isEqualTo(5);
        assertThat(first.createdBetween(Instant.parse("2026-01-01T00:00:00Z"), null).after(first.nextCursor()).offset())
                .as("times may be ages that move between pages").isEqualTo(5);
    }

    @Test
    void aCursorOfAnotherSearchIsRefused() {
        String cursor = SearchQuery.of("storm").nextCursor();

        for (SearchQuery other : new SearchQuery[] {SearchQuery.of("weather"), SearchQuery.of("storm").withLanguage("de"),
            SearchQuery.of("storm").withModelVersion("w-2")}) {
            assertThatThrownBy(() -> other.after(cursor)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.field()).isEqualTo("cursor");
                assertThat(e.reason()).contains("a cursor of another search");
            });
        }
    }

    @Test
    void malformedCursorsAreRefusedAndOldOnesWithoutAFingerprintStillWork() {
        assertThat(SearchQuery.of("storm").after(encode("search:20")).offset()).isEqualTo(20);
        for (String bad : new String[] {"!!", encode("search:x:abc"), encode("search:1:2:3"), encode("other:1")}) {
            assertThatThrownBy(() -> SearchQuery.of("storm").after(bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("not a cursor a search gave");
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
