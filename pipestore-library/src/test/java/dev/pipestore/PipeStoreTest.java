package dev.pipestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.StorageTier;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.health.PortHealth;
import dev.pipestore.objectstore.DataType;
import dev.pipestore.objectstore.ObjectNames;
import dev.pipestore.objectstore.PutOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipeStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void opensOnEmbeddedDefaultsWithNothingConfigured() {
        try (PipeStore store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())))) {
            assertThat(store.health().ports()).extracting(PortHealth::port).containsExactly("object_store", "catalog", "cache");
            assertThat(store.health().ports()).allSatisfy(port -> {
                assertThat(port.up()).isTrue();
                assertThat(port.embedded()).isTrue();
            });
            AudioFile stored = storeOneFile(store);

            assertThat(store.catalog().audioFiles().get(stored.id())).isEqualTo(stored);
        }
        assertThat(dataDir.resolve("catalog.db")).exists();
        assertThat(dataDir.resolve("objects")).isDirectory();
    }

    @Test
    void twoStoresShareOneEmbeddedDataDirectory() {
        StoreConfig config = StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString()));
        try (PipeStore first = PipeStore.open(config); PipeStore second = PipeStore.open(config)) {
            AudioFile fromFirst = storeOneFile(first);
            AudioFile fromSecond = storeOneFile(second);

            assertThat(second.catalog().audioFiles().get(fromFirst.id())).isEqualTo(fromFirst);
            assertThat(first.catalog().audioFiles().list(AudioFileQuery.all(), PageRequest.firstPage()).items())
                    .containsExactlyInAnyOrder(fromFirst, fromSecond);
            assertThat(second.objects().head(fromFirst.objectKey())).isPresent();
        }
    }

    static AudioFile storeOneFile(PipeStore store) {
        byte[] bytes = "RIFF....WAVE".getBytes(StandardCharsets.US_ASCII);
        String key = ObjectNames.systemDefault().newKey(DataType.RAW_AUDIO, "take 1.wav");
        var stored = store.objects().put(key, new ByteArrayInputStream(bytes), PutOptions.of("audio/wav").withExpectedLength(bytes.length));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return store.catalog().audioFiles().insert(new AudioFile(UUID.randomUUID(), store.config().objectStore().bucket() + "/" + key,
                stored.size(), 0, now, "wav", AudioStatus.UPLOADED, null, stored.sha256(), "take 1.wav", key,
                StorageTier.STANDARD, 0.0, 16000, 1, "en", null, now, null));
    }
}
