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

/**
 * Where an upload is held while it is checked: memory up to the per-upload limit while the shared budget lends it, a
 * temporary file beyond it; the budget is whole again once each upload is closed or failed.
 */
class SpooledUploadTest {

    /** A small per-upload limit keeps these tests quick; the default is exercised by the 10 MiB test. */
    private static final int LIMIT = 1024 * 1024;
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path tempDir;

    private UploadMemory memory = new UploadMemory(8L * LIMIT, LIMIT);

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
            assertThat(memory.available()).isEqualTo(8L * LIMIT - LIMIT);
        }
        assertThat(memory.available()).isEqualTo(8L * LIMIT);
    }

    @Test
    void tenMiBUploadStaysInMemoryUnderTheDefaultLimitsAndGivesTheMemoryBack() throws Exception {
        memory = UploadMemory.ofBudget(64L * MIB);
        byte[] bytes = random(10 * MIB);

        try (SpooledUpload spooled = spool(bytes, Long.MAX_VALUE, SpooledUpload.ChunkInspector.NONE)) {
            assertThat(spooled.inMemory()).isTrue();
            assertThat(spooled.sha256()).isEqualTo(AudioIngestTest.sha256(bytes));
            assertThat(readAll(spooled)).isEqualTo(bytes);
            assertThat(tempFiles()).isEmpty();
            assertThat(memory.available()).as("reserved while held").isEqualTo(64L * MIB - spooled.bytes().length);
            assertThat(spooled.bytes().length).as("grown by doubling, capped at the limit").isEqualTo(16 * MIB);
        }
        assertThat(memory.available()).isEqualTo(64L * MIB);
    }

    @Test
    void aStreamThatTellsItsLengthGetsAnArrayOfThatLengthAtOnce() throws Exception {
        memory = UploadMemory.ofBudget(64L * MIB);
        byte[] bytes = random(10 * MIB);

        try (SpooledUpload spooled = SpooledUpload.spool(new ByteArrayInputStream(bytes), new SpoolDirectory(tempDir),
                Long.MAX_VALUE, memory, SpooledUpload.ChunkInspector.NONE)) {
            assertThat(spooled.inMemory()).isTrue();
            assertThat(spooled.bytes().length).as("the length told, and a byte to see the end").isEqualTo(10 * MIB + 1);
            assertThat(memory.available()).isEqualTo(64L * MIB - (10 * MIB + 1));
            assertThat(spooled.sha256()).isEqualTo(AudioIngestTest.sha256(bytes));
            assertThat(readAll(spooled)).isEqualTo(bytes);
        }
        assertThat(memory.available()).isEqualTo(64L * MIB);
    }

    @Test
    void aStreamThatTellsMoreThanMemoryMayHoldGoesStraightToAFile() throws Exception {
        byte[] bytes = random(LIMIT + 1);
        long[] leastAvailable = {Long.MAX_VALUE};
        SpooledUpload.ChunkInspector watchBudget = new SpooledUpload.ChunkInspector() {
            @Override
            public void inspect(byte[] chunk, int from, int length, long offset) {
                leastAvailable[0] = Math.min(leastAvailable[0], memory.available());
            }

            @Override
            public void finish(long totalBytes) {}
        };

        try (SpooledUpload spooled = SpooledUpload.spool(new ByteArrayInputStream(bytes), new SpoolDirectory(tempDir),
                Long.MAX_VALUE, memory, watchBudget)) {
            assertThat(spooled.inMemory()).isFalse();
            assertThat(Files.readAllBytes(spooled.file())).isEqualTo(bytes);
            assertThat(spooled.sha256()).isEqualTo(AudioIngestTest.sha256(bytes));
        }
        assertThat(leastAvailable[0]).as("no memory borrowed on the way").isEqualTo(8L * LIMIT);
    }

    @Test
    void aDeclaredLengthSizesTheArrayAndTheBytesThatArriveDecide() throws Exception {
        byte[] bytes = random(LIMIT / 2);

        try (SpooledUpload exact = spool(declaring(bytes, bytes.length));
                SpooledUpload under = spool(declaring(bytes, 1000));
                SpooledUpload over = spool(declaring(bytes, LIMIT - 1))) {
            assertThat(exact.bytes().length).isEqualTo(bytes.length + 1);
            for (SpooledUpload spooled : List.of(exact, under, over)) {
                assertThat(spooled.inMemory()).isTrue();
                assertThat(readAll(spooled)).isEqualTo(bytes);
                assertThat(spooled.sha256()).isEqualTo(AudioIngestTest.sha256(bytes));
            }
        }
        assertThat(memory.available()).isEqualTo(8L * LIMIT);
    }

    @Test
    void aDeclaredLengthOfExactlyTheLimitStaysInMemory() throws Exception {
        byte[] bytes = random(LIMIT);

        try (SpooledUpload spooled = spool(declaring(bytes, LIMIT))) {
            assertThat(spooled.inMemory()).isTrue();
            assertThat(spooled.bytes().length).isEqualTo(LIMIT);
            assertThat(readAll(spooled)).isEqualTo(bytes);
        }
        try (SpooledUpload spooled = spool(declaring(random(LIMIT + 1), LIMIT))) {
            assertThat(spooled.inMemory()).as("one byte more than declared, and over the limit").isFalse();
            assertThat(spooled.size()).isEqualTo(LIMIT + 1);
        }
        assertThat(tempFiles()).isEmpty();
        assertThat(memory.available()).isEqualTo(8L * LIMIT);
    }

    @Test
    void aDeclaredLengthOverTheLimitGoesToAFileAndShortContentIsStillRight() throws Exception {
        byte[] bytes = random(1000);

        try (SpooledUpload spooled = spool(declaring(bytes, LIMIT + 1))) {
            assertThat(spooled.inMemory()).as("declared too large for memory").isFalse();
            assertThat(Files.readAllBytes(spooled.file())).isEqualTo(bytes);
        }
    }

    @Test
    void withABudgetForOneUploadTheSecondInFlightSpillsToAFile() throws Exception {
        memory = new UploadMemory(LIMIT + LIMIT / 2, LIMIT);
        byte[] first = random(LIMIT - 1000);
        byte[] second = random(LIMIT - 2000);

        try (SpooledUpload held = spool(first, Long.MAX_VALUE, SpooledUpload.ChunkInspector.NONE);
                SpooledUpload spilled = spool(second, Long.MAX_VALUE, SpooledUpload.ChunkInspector.NONE)) {
            assertThat(held.inMemory()).isTrue();
            assertThat(spilled.inMemory()).isFalse();
            assertThat(Files.readAllBytes(spilled.file())).isEqualTo(second);
            assertThat(spilled.sha256()).isEqualTo(AudioIngestTest.sha256(second));
            assertThat(tempFiles()).containsExactly(spilled.file());
            assertThat(memory.available()).as("the spilled upload gave back what it held").isEqualTo(LIMIT / 2);
        }
        assertThat(memory.available()).isEqualTo(LIMIT + LIMIT / 2);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void concurrentUploadsBeyondTheBudgetSpillAndTheBudgetIsWholeAfterwards() throws Exception {
        memory = new UploadMemory(LIMIT + LIMIT / 2, LIMIT);
        byte[] bytes = random(LIMIT - 10);
        var start = new java.util.concurrent.CyclicBarrier(2);
        var done = new java.util.concurrent.CountDownLatch(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Boolean>> inMemory = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                inMemory.add(pool.submit(() -> {
                    start.await();
                    try (SpooledUpload spooled = spool(bytes, Long.MAX_VALUE, SpooledUpload.ChunkInspector.NONE)) {
                        assertThat(readAll(spooled)).isEqualTo(bytes);
                        done.countDown();
                        done.await(30, java.util.concurrent.TimeUnit.SECONDS); // both held at once
                        return spooled.inMemory();
                    }
                }));
            }
            List<Boolean> where = new java.util.ArrayList<>();
            for (var f : inMemory) {
                where.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(where).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(memory.available()).isEqualTo(LIMIT + LIMIT / 2);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void zeroBudgetSpoolsEvenATinyUploadToAFile() throws Exception {
        memory = new UploadMemory(0, LIMIT);
        byte[] bytes = random(10);

        try (SpooledUpload spooled = spool(bytes, Long.MAX_VALUE, SpooledUpload.ChunkInspector.NONE)) {
            assertThat(spooled.inMemory()).isFalse();
            assertThat(Files.readAllBytes(spooled.file())).isEqualTo(bytes);
        }
        assertThat(tempFiles()).isEmpty();
        assertThat(memory.available()).isZero();
    }

    @Test
    void uploadLargerThanTheBudgetButUnderTheLimitSpillsWhenTheBudgetRunsOut() throws Exception {
        memory = new UploadMemory(LIMIT / 2, LIMIT);
        byte[] bytes = random(LIMIT - 1);

        try (SpooledUpload spooled = spool(bytes, Long.MAX_VALUE, SpooledUpload.ChunkInspector.NONE)) {
            assertThat(spooled.inMemory()).isFalse();
            assertThat(Files.readAllBytes(spooled.file())).isEqualTo(bytes);
            assertThat(memory.available()).isEqualTo(LIMIT / 2);
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
        assertThat(memory.available()).as("nothing held once spilled").isEqualTo(8L * LIMIT);
        spooled.close();
        spooled.close();
        assertThat(tempFiles()).isEmpty();
        assertThat(memory.available()).isEqualTo(8L * LIMIT);
    }

    @Test
    void uploadOverTheSizeLimitIsRefusedAndLeavesNoFile() throws IOException {
        byte[] bytes = random(LIMIT * 2);

        assertThatThrownBy(() -> spool(bytes, LIMIT + 100, SpooledUpload.ChunkInspector.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than the limit of " + (LIMIT + 100));
        assertThat(tempFiles()).isEmpty();
        assertThat(memory.available()).isEqualTo(8L * LIMIT);
    }

    @Test
    void refusalByTheInspectorAfterSpillingLeavesNoFile() throws IOException {
        byte[] bytes = random(LIMIT * 2);
        SpooledUpload.ChunkInspector refuseLate = new SpooledUpload.ChunkInspector() {
            @Override
            public void inspect(byte[] chunk, int from, int length, long offset) {
                if (offset > LIMIT + 1000) {
                    throw new InvalidInputException("file", "refused at " + offset);
                }
            }

            @Override
            public void finish(long totalBytes) {}
        };

        assertThatThrownBy(() -> spool(bytes, Long.MAX_VALUE, refuseLate)).isInstanceOf(InvalidInputException.class);
        assertThat(tempFiles()).isEmpty();
        assertThat(memory.available()).isEqualTo(8L * LIMIT);
    }

    @Test
    void refusalWhileInMemoryGivesTheMemoryBack() {
        byte[] bytes = random(LIMIT / 2);
        SpooledUpload.ChunkInspector refuseAtEnd = new SpooledUpload.ChunkInspector() {
            @Override
            public void inspect(byte[] chunk, int from, int length, long offset) {}

            @Override
            public void finish(long totalBytes) {
                throw new InvalidInputException("file", "refused at the end");
            }
        };

        assertThatThrownBy(() -> spool(bytes, Long.MAX_VALUE, refuseAtEnd)).isInstanceOf(InvalidInputException.class);
        assertThat(memory.available()).isEqualTo(8L * LIMIT);
    }

    @Test
    void aReadFailureWhileInMemoryGivesTheMemoryBack() throws IOException {
        InputStream failing = new InputStream() {
            private long served;

            @Override
            public int read() throws IOException {
                if (served++ > LIMIT / 2) {
                    throw new IOException("client went away");
                }
                return 1;
            }
        };

        assertThatThrownBy(() -> SpooledUpload.spool(failing, new SpoolDirectory(tempDir), Long.MAX_VALUE, memory, SpooledUpload.ChunkInspector.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("client went away");
        assertThat(memory.available()).isEqualTo(8L * LIMIT);
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

        assertThatThrownBy(() -> SpooledUpload.spool(failing, new SpoolDirectory(tempDir), Long.MAX_VALUE, memory, SpooledUpload.ChunkInspector.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("connection reset");
        assertThat(tempFiles()).isEmpty();
        assertThat(memory.available()).isEqualTo(8L * LIMIT);
    }

    private SpooledUpload spool(byte[] bytes, long maxBytes, SpooledUpload.ChunkInspector inspector) {
        // Small reads, as from a socket, so chunks never line up with the limit; and, like a socket, no word on the length.
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 10_007));
            }

            @Override
            public synchronized int available() {
                return 0;
            }
        };
        return SpooledUpload.spool(trickle, new SpoolDirectory(tempDir), maxBytes, memory, inspector);
    }

    private SpooledUpload spool(InputStream content) {
        return SpooledUpload.spool(content, new SpoolDirectory(tempDir), Long.MAX_VALUE, memory, SpooledUpload.ChunkInspector.NONE);
    }

    /** A socket-like stream (small reads, nothing available) whose sender declared {@code declared} bytes. */
    private static InputStream declaring(byte[] bytes, long declared) {
        class Declaring extends ByteArrayInputStream implements DeclaredLength {
            private long read;

            Declaring() {
                super(bytes);
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, Math.min(len, 10_007));
                read += Math.max(0, n);
                return n;
            }

            @Override
            public synchronized int available() {
                return 0;
            }

            @Override
            public long declaredRemaining() {
                return Math.max(0, declared - read);
            }
        }
        return new Declaring();
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
        Files.createDirectories(tempDir);
        try (var files = Files.list(tempDir)) {
            return files.toList();
        }
    }
}
