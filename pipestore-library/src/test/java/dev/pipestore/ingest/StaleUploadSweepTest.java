package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.PipeStore;
import dev.pipestore.config.StoreConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spool files are not left behind: those of uploads cut off by closing the store go when it closes (the process
 * usually exits before the cut uploads' threads get to them), those a killed process left go when a store opens, once
 * they are stale.
 */
class StaleUploadSweepTest {

    @TempDir
    Path dataDir;

    @Test
    void openingAStoreRemovesStaleSpoolFilesOnly() throws Exception {
        Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
        Path stale = touch(tmp.resolve("upload-1.part"), StaleTemporaryFiles.STALE_AGE.plus(Duration.ofMinutes(1)));
        Path recent = touch(tmp.resolve("upload-2.part"), StaleTemporaryFiles.STALE_AGE.minus(Duration.ofMinutes(10)));
        Path notOurs = touch(tmp.resolve("notes.part"), Duration.ofDays(30));

        try (PipeStore store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())))) {
            assertThat(store.config().tempDir()).isEqualTo(tmp);
        }

        assertThat(stale).doesNotExist();
        assertThat(recent).as("may belong to an upload in flight in another process").exists();
        assertThat(notOurs).exists();
    }

    @Test
    void closingTheStoreDeletesTheFileOfAnUploadStillRunning() throws Exception {
        CountDownLatch spooling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream stalls = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (++served == 100_000) {
                    spooling.countDown();
                    awaitQuietly(release);
                    throw new IOException("the connection was closed");
                }
                return 0;
            }
        };
        PipeStore store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString(),
                "PIPESTORE_UPLOAD_MEMORY_BYTES", "0")));
        Thread upload = Thread.ofVirtual().start(() -> {
            try {
                store.audio().ingest(stalls, AudioUpload.named("cut.wav"));
            } catch (RuntimeException expected) {
                // cut off
            }
        });
        try {
            assertThat(spooling.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(spoolFiles()).as("the upload is spooling").hasSize(1);

            store.close();

            assertThat(spoolFiles()).as("deleted by close, while the upload's thread still waits").isEmpty();
        } finally {
            release.countDown();
            upload.join(Duration.ofSeconds(10));
        }
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("tmp"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload-")).toList();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path touch(Path file, Duration age) throws Exception {
        Files.write(file, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }
}
