package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.PipeStore;
import dev.pipestore.config.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spool files a killed process left in the temporary directory are removed when a store opens, once they are stale. */
class StaleUploadSweepTest {

    @TempDir
    Path dataDir;

    @Test
    void openingAStoreRemovesStaleSpoolFilesOnly() throws Exception {
        Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
        Path stale = touch(tmp.resolve("upload-1.part"), SpooledUpload.STALE_AGE.plus(Duration.ofMinutes(1)));
        Path recent = touch(tmp.resolve("upload-2.part"), SpooledUpload.STALE_AGE.minus(Duration.ofMinutes(10)));
        Path notOurs = touch(tmp.resolve("notes.part"), Duration.ofDays(30));

        try (PipeStore store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())))) {
            assertThat(store.config().tempDir()).isEqualTo(tmp);
        }

        assertThat(stale).doesNotExist();
        assertThat(recent).as("may belong to an upload in flight in another process").exists();
        assertThat(notOurs).exists();
    }

    private static Path touch(Path file, Duration age) throws Exception {
        Files.write(file, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }
}
