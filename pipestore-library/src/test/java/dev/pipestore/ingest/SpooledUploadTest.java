package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an upload is held while it is checked: memory up to the limit, a temporary file beyond it. */
class SpooledUploadTest {

    private static final int LIMIT = SpooledUpload.MEMORY_LIMIT_BYTES;

    @TempDir
    Path tempDir;

    @Test
    void uploadOfExactlyTheLimitStaysInMemoryWithoutATemporaryFile() throws Exception {
        byte[] bytes = random(LIMIT);

        try (SpooledUpload spooled = spool(bytes, Long.MAX_VALUE, SpooledUpload.ChunkInspector.NONE)) {
            assertThat(spooled.inMemory()).isTrue();
            assertThat(spooled.size()).isEqualTo(LIMIT);
            assertThat(Arrays.copyOf(spooled.bytes(), LIMIT)).isEqualTo(bytes);
            assertThat(spooled.sha256()).isEqualTo(AudioIngestTest.sha256(bytes));
            assertThat(readAll(spooled)).isEqualTo(bytes);
            assertThat(tempFiles()).isEmpty();
        }
    }

    @Test
    void uploadOneByteOverTheLimitGoesToATemporaryFileThatCloseDeletes() throws Exception {
        byte[] bytes = random(LIMIT + 1);

        SpooledUpload spooled = spool(bytes, Long.MAX_VALUE, SpooledUpload.ChunkInspector.NONE);

        assertThat(spooled.inMemory()).isFalse();
        assertThat(spooled.size()).isEqualTo(LIMIT + 1);
        assertThat(Files.readAllBytes(spooled.file())).isEqualTo(bytes);
        assertThat(spooled.sha256()).isEqualTo(AudioIngestTest.sha256(bytes));
        assertThat(tempFiles()).containsExactly(spooled.file());
        spooled.close();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void uploadOverTheSizeLimitIsRefusedAndLeavesNoFile() throws IOException {
        byte[] bytes = random(LIMIT * 2);

        assertThatThrownBy(() -> spool(bytes, LIMIT + 100, SpooledUpload.ChunkInspector.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than the limit of " + (LIMIT + 100));
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void refusalByTheInspectorAfterSpillingLeavesNoFile() throws IOException {
        byte[] bytes = random(LIMIT * 2);
        SpooledUpload.ChunkInspector refuseLate = new SpooledUpload.ChunkInspector() {
            @Override
            public void inspect(byte[] chunk, int length, long offset) {
                if (offset > LIMIT + 1000) {
                    throw new InvalidInputException("file", "refused at " + offset);
                }
            }

            @Override
            public void finish(long totalBytes) {}
        };

        assertThatThrownBy(() -> spool(bytes, Long.MAX_VALUE, refuseLate)).isInstanceOf(InvalidInputException.class);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aReadFailureIsTheUploadsFaultAndLeavesNoFile() throws IOException {
        InputStream failing = new InputStream() {
            private long served;

            @Override
            public int read() throws IOException {
                if (served++ > LIMIT + 10) {
                    throw new IOException("connection reset");
                }
                return 1;
            }
        };

        assertThatThrownBy(() -> SpooledUpload.spool(failing, tempDir, Long.MAX_VALUE, LIMIT, SpooledUpload.ChunkInspector.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("connection reset");
        assertThat(tempFiles()).isEmpty();
    }

    private SpooledUpload spool(byte[] bytes, long maxBytes, SpooledUpload.ChunkInspector inspector) {
        // Small reads, as from a socket, so chunks never line up with the limit.
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 10_007));
            }
        };
        return SpooledUpload.spool(trickle, tempDir, maxBytes, LIMIT, inspector);
    }

    private static byte[] readAll(SpooledUpload spooled) throws IOException {
        try (InputStream in = spooled.open()) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private List<Path> tempFiles() throws IOException {
        try (var files = Files.list(tempDir)) {
            return files.toList();
        }
    }
}
