package dev.pipestore.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Contract of {@link ObjectStore#put}: what is stored, its digest, and that a failed put stores nothing. */
interface PutContract extends ContractFixture {

    long MIB = 1024 * 1024;

    /** Larger than any adapter's single-request limit, so S3 goes through a multipart upload of several parts. */
    long MULTIPART_SIZE = 20 * MIB;

    @Test
    default void smallContentRoundTrips() {
        String key = key("hello.txt");

        StoredObject stored = putText(key, "hello, pipeline");

        assertThat(stored).isEqualTo(new StoredObject(key, 15, TestContent.sha256(TestContent.text("hello, pipeline"))));
        assertThat(readText(key)).isEqualTo("hello, pipeline");
    }

    @Test
    default void emptyContentRoundTrips() {
        String key = key("empty.bin");

        StoredObject stored = store().put(key, TestContent.seeded(1, 0), PutOptions.of("application/octet-stream").withExpectedLength(0));

        assertThat(stored.size()).isZero();
        assertThat(stored.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(readText(key)).isEmpty();
        assertThat(store().head(key)).hasValueSatisfying(info -> assertThat(info.size()).isZero());
    }

    @Test
    default void returnedSha256MatchesAnIndependentDigest() {
        StoredObject stored = putText(key("abc"), "abc");

        // FIPS 180-2 test vector, independent of any code under test.
        assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    default void multipartSizedContentOfUnknownLengthRoundTrips() {
        assertLargeRoundTrip(key("large-unknown.bin"), 7, MULTIPART_SIZE, -1);
    }

    @Test
    default void multipartSizedContentOfKnownLengthRoundTrips() {
        assertLargeRoundTrip(key("large-known.bin"), 8, MULTIPART_SIZE + 123, MULTIPART_SIZE + 123);
    }

    @Test
    default void contentOfExactlyOnePartSizeRoundTrips() {
        assertLargeRoundTrip(key("eight-mib.bin"), 9, 8 * MIB, -1);
        assertLargeRoundTrip(key("eight-mib-plus-one.bin"), 10, 8 * MIB + 1, 8 * MIB + 1);
    }

    private void assertLargeRoundTrip(String key, long seed, long length, long expectedLength) {
        PutOptions options = PutOptions.of("application/octet-stream").withExpectedLength(expectedLength);

        StoredObject stored = store().put(key, TestContent.seeded(seed, length), options);

        String expected = TestContent.sha256Seeded(seed, length);
        assertThat(stored).isEqualTo(new StoredObject(key, length, expected));
        assertThat(TestContent.sha256(store().get(key))).isEqualTo(expected);
        assertThat(store().head(key)).hasValueSatisfying(info -> assertThat(info.size()).isEqualTo(length));
    }

    @Test
    default void contentShorterThanExpectedLengthIsRefusedAndNothingStored() {
        String key = key("short.txt");

        assertThatThrownBy(() -> store().put(key, TestContent.text("12345"), PutOptions.of("text/plain").withExpectedLength(6)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("content")
                .hasMessageContaining(key);
        assertThat(store().head(key)).isEmpty();
    }

    @Test
    default void contentLongerThanExpectedLengthIsRefusedAndNothingStored() {
        String key = key("long.txt");

        assertThatThrownBy(() -> store().put(key, TestContent.text("1234567"), PutOptions.of("text/plain").withExpectedLength(6)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(key);
        assertThat(store().head(key)).isEmpty();
    }

    @Test
    default void multipartContentLongerThanExpectedLengthLeavesNoObjectAndNoPendingUpload() {
        String key = key("large-long.bin");
        PutOptions options = PutOptions.of("application/octet-stream").withExpectedLength(12 * MIB);

        assertThatThrownBy(() -> store().put(key, TestContent.seeded(11, MULTIPART_SIZE), options))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store().head(key)).isEmpty();
        assertNoUnfinishedUploads();
    }

    @Test
    default void multipartContentShorterThanExpectedLengthLeavesNoObjectAndNoPendingUpload() {
        String key = key("large-short.bin");
        PutOptions options = PutOptions.of("application/octet-stream").withExpectedLength(MULTIPART_SIZE);

        assertThatThrownBy(() -> store().put(key, TestContent.seeded(12, 12 * MIB), options))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store().head(key)).isEmpty();
        assertNoUnfinishedUploads();
    }

    @Test
    default void failingInputStreamLeavesNoObject() {
        String key = key("broken.bin");

        assertThatThrownBy(() -> store().put(key, TestContent.failingAfter(13, 1000), PutOptions.of("audio/wav")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("after 1000 bytes");
        assertThat(store().head(key)).isEmpty();
        assertThat(store().list(prefix(), null, 10).objects()).isEmpty();
    }

    @Test
    default void failingInputStreamDuringMultipartUploadLeavesNoObjectAndNoPendingUpload() {
        String key = key("broken-large.bin");

        assertThatThrownBy(() -> store().put(key, TestContent.failingAfter(14, 12 * MIB), PutOptions.of("audio/wav")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store().head(key)).isEmpty();
        assertNoUnfinishedUploads();
    }

    @Test
    default void failedPutKeepsThePreviousObject() {
        String key = key("keep.txt");
        putText(key, "first version", "text/plain", Map.of("version", "1"));

        assertThatThrownBy(() -> store().put(key, TestContent.failingAfter(15, 100), PutOptions.of("text/csv")))
                .isInstanceOf(InvalidInputException.class);

        assertThat(readText(key)).isEqualTo("first version");
        assertThat(store().head(key)).hasValueSatisfying(info -> {
            assertThat(info.contentType()).isEqualTo("text/plain");
            assertThat(info.userMetadata()).isEqualTo(Map.of("version", "1"));
        });
    }

    @Test
    default void overwriteReplacesContentAndMetadata() {
        String key = key("replace.txt");
        putText(key, "old content, longer", "text/plain", Map.of("version", "1", "old-only", "x"));

        StoredObject second = putText(key, "new", "text/csv", Map.of("version", "2"));

        assertThat(second.size()).isEqualTo(3);
        assertThat(readText(key)).isEqualTo("new");
        assertThat(store().head(key)).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(3);
            assertThat(info.contentType()).isEqualTo("text/csv");
            assertThat(info.userMetadata()).isEqualTo(Map.of("version", "2"));
        });
    }

    @Test
    default void storeChecksumMetadataKeyIsReservedForTheStore() {
        PutOptions options = new PutOptions("text/plain", -1, Map.of("pipestore-sha256", "0".repeat(64)));

        assertThatThrownBy(() -> store().put(key("forged.txt"), TestContent.text("x"), options))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pipestore-sha256");
        assertThat(store().head(key("forged.txt"))).isEmpty();
    }

    @Test
    default void concurrentPutsOfDistinctKeysAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<StoredObject>> puts = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String key = key("parallel/" + i);
                long seed = 100 + i;
                puts.add(pool.submit(() -> store().put(key, TestContent.seeded(seed, 70_000), PutOptions.of("audio/wav"))));
            }
            for (int i = 0; i < puts.size(); i++) {
                assertThat(puts.get(i).get().sha256()).isEqualTo(TestContent.sha256Seeded(100 + i, 70_000));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().list(key("parallel/"), null, 1000).objects()).hasSize(32);
    }

    @Test
    default void concurrentOverwritesLeaveOneCompleteVersion() throws Exception {
        String key = key("contended.bin");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredObject>> puts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long seed = 200 + i;
                puts.add(pool.submit(() -> store().put(key, TestContent.seeded(seed, 300_000), PutOptions.of("audio/wav"))));
            }
            Set<String> written = new java.util.HashSet<>();
            for (Future<StoredObject> put : puts) {
                written.add(put.get().sha256());
            }
            assertThat(written).contains(TestContent.sha256(store().get(key)));
        } finally {
            pool.shutdownNow();
        }
    }
}
