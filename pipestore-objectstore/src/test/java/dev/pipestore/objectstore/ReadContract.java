package dev.pipestore.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract of {@link ObjectStore#get}, {@link ObjectStore#head} and {@link ObjectStore#delete}. */
interface ReadContract extends ContractFixture {

    String DIGITS = "0123456789abcdefghij";

    @Test
    default void rangeReadReturnsTheFirstBytes() {
        putText(key("r"), DIGITS);

        assertThat(readText(key("r"), ByteRange.of(0, 4))).isEqualTo("01234");
    }

    @Test
    default void rangeReadReturnsBytesFromTheMiddle() {
        putText(key("r"), DIGITS);

        assertThat(readText(key("r"), ByteRange.of(10, 12))).isEqualTo("abc");
    }

    @Test
    default void rangeFromAnOffsetReadsToTheEnd() {
        putText(key("r"), DIGITS);

        assertThat(readText(key("r"), ByteRange.from(15))).isEqualTo("fghij");
    }

    @Test
    default void rangeEndingPastTheEndIsCutAtTheEnd() {
        putText(key("r"), DIGITS);

        assertThat(readText(key("r"), ByteRange.of(18, 1000))).isEqualTo("ij");
    }

    @Test
    default void rangeStartingAtOrPastTheEndIsRefused() {
        putText(key("r"), DIGITS);

        for (ByteRange range : new ByteRange[] {ByteRange.from(20), ByteRange.of(25, 30)}) {
            assertThatThrownBy(() -> store().get(key("r"), range).close())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("range")
                    .hasMessageContaining(key("r"));
        }
    }

    @Test
    default void rangeOfALargeObjectReadsAcrossPartBoundaries() throws Exception {
        long length = PutContract.MULTIPART_SIZE;
        store().put(key("large.bin"), TestContent.seeded(21, length), PutOptions.of("application/octet-stream"));
        long first = 8 * PutContract.MIB - 1000;

        byte[] expected;
        try (InputStream all = TestContent.seeded(21, length)) {
            all.skipNBytes(first);
            expected = all.readNBytes(5000);
        }
        try (InputStream range = store().get(key("large.bin"), ByteRange.of(first, first + 4999))) {
            assertThat(range.readAllBytes()).isEqualTo(expected);
        }
    }

    @Test
    default void closingALargeReadEarlyLeavesTheStoreUsable() throws Exception {
        store().put(key("large.bin"), TestContent.seeded(22, PutContract.MULTIPART_SIZE), PutOptions.of("application/octet-stream"));

        for (int i = 0; i < 3; i++) {
            try (InputStream in = store().get(key("large.bin"))) {
                assertThat(in.readNBytes(10)).hasSize(10);
            }
        }
        putText(key("after.txt"), "still fine");
        assertThat(readText(key("after.txt"))).isEqualTo("still fine");
    }

    @Test
    default void getOfMissingKeyThrowsNotFoundNamingTheKey() {
        assertThatThrownBy(() -> store().get(key("missing")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo("object");
                    assertThat(e.id()).isEqualTo(key("missing"));
                });
    }

    @Test
    default void headReportsSizeContentTypeTimeAndUserMetadata() {
        Instant before = Instant.now().minus(Duration.ofSeconds(2));
        putText(key("take.wav"), DIGITS, "audio/wav", Map.of("original-name", "take 1.wav", "language", "de"));

        ObjectInfo info = store().head(key("take.wav")).orElseThrow();

        assertThat(info.key()).isEqualTo(key("take.wav"));
        assertThat(info.size()).isEqualTo(20);
        assertThat(info.contentType()).isEqualTo("audio/wav");
        assertThat(info.userMetadata()).isEqualTo(Map.of("original-name", "take 1.wav", "language", "de"));
        assertThat(info.lastModified()).isBetween(before, Instant.now().plus(Duration.ofSeconds(2)));
    }

    /**
     * S3 headers carry only printable US-ASCII, yet original file names are often not ASCII: the adapters keep any
     * Unicode value (S3 sends such values RFC 2047-encoded), and values that only look encoded stay as they are.
     */
    @Test
    default void headKeepsUnicodeAndUnusualMetadataValuesExactly() {
        Map<String, String> metadata = Map.of(
                "original-name", "Müller – 東京 ／ take 😀.wav",
                "nfd-name", "Mu\u0308ller.wav",
                "padded", "  spaces at both ends  ",
                "looks-encoded", "=?UTF-8?B?aGVsbG8=?=",
                "empty", "",
                "tab", "a\tb");
        putText(key("unicode.txt"), "x", "text/plain;charset=utf-8", metadata);

        ObjectInfo info = store().head(key("unicode.txt")).orElseThrow();

        assertThat(info.userMetadata()).isEqualTo(metadata);
        assertThat(info.contentType()).isEqualTo("text/plain;charset=utf-8");
    }

    @Test
    default void headOfMissingKeyIsEmpty() {
        assertThat(store().head(key("missing"))).isEmpty();
    }

    @Test
    default void deleteRemovesTheObject() {
        putText(key("gone.txt"), "bye");

        store().delete(key("gone.txt"));

        assertThat(store().head(key("gone.txt"))).isEmpty();
        assertThatThrownBy(() -> store().get(key("gone.txt"))).isInstanceOf(NotFoundException.class);
        assertThat(store().list(prefix(), null, 10).objects()).isEmpty();
    }

    @Test
    default void deleteIsIdempotent() {
        putText(key("twice.txt"), "bye");

        store().delete(key("twice.txt"));
        store().delete(key("twice.txt"));
        store().delete(key("never-existed.txt"));

        assertThat(store().head(key("twice.txt"))).isEmpty();
    }

    @Test
    default void deleteLeavesNeighboursAlone() {
        putText(key("dir/a.txt"), "a");
        putText(key("dir/b.txt"), "b");
        putText(key("dir.txt"), "c");

        store().delete(key("dir/a.txt"));

        assertThat(readText(key("dir/b.txt"))).isEqualTo("b");
        assertThat(readText(key("dir.txt"))).isEqualTo("c");
    }
}
