package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whatever a user types into a search box, every backend answers with hits or none, never with a failure. */
interface SearchInputContract extends SearchContract {

    List<String> NASTY_QUERIES = List.of("\"", "\"unclosed phrase", "\"\"", "(", ")", "(weather", "weather)", "*", "weather*",
            "*weather", "NEAR", "NEAR(weather report)", "weather NEAR report", "-", "--", "- -weather", "-weather", "-\"weather\"",
            "OR", "weather OR", "OR weather", "AND", "NOT", "NOT weather", "weather AND NOT", "^weather", "+weather", "~weather",
            "content:weather", "transcriptions_search:weather", "{weather report}", "weather:", ":", "@@", "!!", "&", "|",
            "weather & report | !rain", "<->", "'", "''", "' OR '1'='1", "'; DROP TABLE transcriptions; --",
            "weather\"; DELETE FROM audio_files; --", "%", "_", "%weather%", "\\", "\\\"", "😀", "weather 😀 report",
            "🌧️ rain", "ﬁ", "İstanbul", "ǅ", "e\u0301", "\u200b", "\u0301", "天气", "الطقس", "weather\u0007", "...",
            "a", "I", "the", "x".repeat(SearchQuery.MAX_TEXT_LENGTH),
            "😀".repeat(SearchQuery.MAX_TEXT_LENGTH), "weather ".repeat(120).strip(),
            "\"weather report\" OR \"rain\" -snow", "((((((weather))))))", "\"a\" \"b\" \"c\" \"d\" \"e\" \"f\"");

    @Test
    default void nastyQueriesGiveHitsOrNoneButNeverFail() {
        AudioFile audio = searchAudio();
        Transcription weather = transcribe(audio, "The weather report: rain (maybe) & \"wind\" * NEAR -5°C; ’quotes’ 😀", "en",
                "w-1", 1);

        for (String query : NASTY_QUERIES) {
            List<SearchHit> hits = search(SearchQuery.of(query));
            assertThat(hits).as("hits for %s", query).allSatisfy(hit -> assertThat(hit.id()).isEqualTo(weather.id()));
        }

        assertThat(hitIds(SearchQuery.of("weather"))).containsExactly(weather.id());
        assertThat(catalog().audioFiles().get(audio.id())).isEqualTo(audio);
    }

    @Test
    default void queriesWithOnlyPunctuationOrExclusionsFindNothing() {
        transcribe(searchAudio(), "punctuation everywhere!", "en", "w-1", 1);

        for (String query : List.of("!!!", "-punctuation", "😀", "()", "\"\"")) {
            assertThat(search(SearchQuery.of(query))).as(query).isEmpty();
        }
    }

    @Test
    default void emptyOverlongAndNulQueriesAreRefusedNamingQ() {
        for (String text : new String[] {null, "", "   ", "\n\t", "x".repeat(SearchQuery.MAX_TEXT_LENGTH + 1), "wea\0ther"}) {
            assertThatThrownBy(() -> SearchQuery.of(text))
                    .as("query %s", text)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("q"));
        }
    }

    @Test
    default void badFiltersAreRefusedNamingTheirField() {
        assertThatThrownBy(() -> SearchQuery.of("x").withLimit(0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> SearchQuery.of("x").withLimit(SearchQuery.MAX_LIMIT + 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SearchQuery.of("x").withLanguage("klingon!"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("language"));
        assertThatThrownBy(() -> SearchQuery.of("x").withModelVersion("m".repeat(51)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("model"));
        assertThatThrownBy(() -> SearchQuery.of("x").createdBetween(Samples.at(5), Samples.at(5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("before"));
    }

    @Test
    default void unicodeTextIsFoundByItsWords() {
        AudioFile audio = searchAudio();
        Transcription text = transcribe(audio, "Grüße aus München, naïve Ärzte", "de", "w-1", 1);
        UUID id = text.id();

        assertThat(hitIds(SearchQuery.of("München"))).containsExactly(id);
        assertThat(hitIds(SearchQuery.of("münchen"))).containsExactly(id);
        assertThat(search(SearchQuery.of("Ärzte")).get(0).snippet()).contains("<b>Ärzte</b>");
    }
}
