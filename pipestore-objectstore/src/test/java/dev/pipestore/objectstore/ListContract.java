package dev.pipestore.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pipestore.InvalidInputException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of {@link ObjectStore#list}: S3's prefix filter, key order and paging. */
interface ListContract extends ContractFixture {

    @Test
    default void listReturnsOnlyKeysUnderThePrefixInOrder() {
        for (String name : List.of("audio/b.wav", "audio/a.wav", "audio/2026/c.wav", "audiobook.txt", "text/a.txt")) {
            putText(key(name), name);
        }

        assertThat(keys(store().list(key("audio/"), null, 1000)))
                .containsExactly(key("audio/2026/c.wav"), key("audio/a.wav"), key("audio/b.wav"));
        assertThat(keys(store().list(key("audio"), null, 1000)))
                .containsExactly(key("audio/2026/c.wav"), key("audio/a.wav"), key("audio/b.wav"), key("audiobook.txt"));
        assertThat(keys(store().list(key("audio/a"), null, 1000))).containsExactly(key("audio/a.wav"));
    }

    @Test
    default void listReportsSizeAndTime() {
        putText(key("sized.txt"), "12345");

        ObjectSummary summary = store().list(prefix(), null, 10).objects().getFirst();

        assertThat(summary.key()).isEqualTo(key("sized.txt"));
        assertThat(summary.size()).isEqualTo(5);
        // HEAD's Last-Modified header has whole seconds; a listing may carry milliseconds (MinIO does).
        assertThat(summary.lastModified()).isCloseTo(store().head(key("sized.txt")).orElseThrow().lastModified(), within(1, ChronoUnit.SECONDS));
    }

    @Test
    default void listOfAPrefixWithNoKeysIsEmpty() {
        ObjectPage page = store().list(key("nothing-here/"), null, 10);

        assertThat(page.objects()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    default void listPagesReturnEveryKeyExactlyOnceInOrder() {
        List<String> expected = new ArrayList<>();
        for (int day = 1; day <= 3; day++) {
            for (int i = 0; i < 8; i++) {
                expected.add(key("raw/2026-11-0" + day + "/take-" + i + ".wav"));
            }
        }
        expected.add(key("raw/z.txt"));
        for (String key : expected.reversed()) {
            putText(key, key);
        }

        List<String> listed = new ArrayList<>();
        String continuation = null;
        int pages = 0;
        do {
            ObjectPage page = store().list(key("raw/"), continuation, 5);
            assertThat(page.objects()).hasSizeLessThanOrEqualTo(5);
            listed.addAll(keys(page));
            continuation = page.nextContinuation();
            pages++;
        } while (continuation != null && pages < 100);

        assertThat(listed).containsExactlyElementsOf(expected);
        assertThat(pages).isBetween(5, 6);
    }

    /**
     * S3 sorts by UTF-8 bytes: '-' before '.' before '/' before '0'. (UTF-8 order also puts U+FFFD before U+1F600,
     * unlike Java's UTF-16 order; S3Proxy 4.1.0 gets that wrong, so that case is tested per adapter.)
     */
    @Test
    default void listOrdersKeysByTheirUtf8Bytes() {
        List<String> names = List.of("a-b", "a.b", "a/b", "a0", "ab", "z", "é", "東京");
        for (String name : names.reversed()) {
            putText(key(name), name);
        }

        assertThat(keys(store().list(prefix(), null, 1000))).containsExactlyElementsOf(names.stream().map(this::key).toList());
    }

    @Test
    default void listRefusesMaxKeysOutsideOneToThousand() {
        for (int maxKeys : new int[] {0, -1, 1001}) {
            assertThatThrownBy(() -> store().list(prefix(), null, maxKeys))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("maxKeys");
        }
        assertThat(store().list(prefix(), null, 1000).objects()).isEmpty();
    }

    @Test
    default void listRefusesAPrefixThatIsNotAValidKey() {
        for (String prefix : new String[] {"../", "/abs", "a//", "a\\b"}) {
            assertThatThrownBy(() -> store().list(prefix, null, 10)).isInstanceOf(InvalidInputException.class);
        }
    }

    private static List<String> keys(ObjectPage page) {
        return page.objects().stream().map(ObjectSummary::key).toList();
    }
}
