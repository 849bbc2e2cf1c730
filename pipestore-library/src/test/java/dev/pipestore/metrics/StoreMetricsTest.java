package dev.pipestore.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.ingest.TextUpload;
import dev.pipestore.objectstore.ChecksummedUploads;
import dev.pipestore.results.NewTranscription;
import dev.pipestore.testing.audio.TestAudio;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's meters over the embedded backends, in a registry the test passes in. */
class StoreMetricsTest {

    @TempDir
    Path dataDir;

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private PipeStore store;

    @BeforeEach
    void open() {
        store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())), registry);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void ingestIsCountedAsAnObjectStorePutWithItsBytesUnderAudio() {
        byte[] wav = TestAudio.wav(1, 8000);
        store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("a.wav"));

        assertThat(objectStoreTimer("put", "success").count()).isEqualTo(1);
        assertThat(registry.get(MeteredObjectStore.BYTES_WRITTEN).tags("data_type", "audio", "backend", "filesystem").counter()
                .count()).isEqualTo(wav.length);
        assertThat(registry.get(IngestMeters.INGESTS).tags("data_type", "audio", "outcome", "stored").counter().count()).isEqualTo(1);
        assertThat(registry.get(MeteredCatalog.OPERATIONS).tags("operation", "audio_files.insert", "backend", "sqlite",
                "outcome", "success").timer().count()).isEqualTo(1);
    }

    @Test
    void bytesReadAreCountedWhenTheStreamCloses() throws IOException {
        byte[] wav = TestAudio.wav(1, 8000);
        AudioFile file = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("a.wav"));

        try (InputStream content = store.audio().content(file.id())) {
            assertThat(content.readAllBytes()).hasSize(wav.length);
        }

        assertThat(objectStoreTimer("get", "success").count()).isEqualTo(1);
        assertThat(registry.get(MeteredObjectStore.BYTES_READ).tags("data_type", "audio").counter().count()).isEqualTo(wav.length);
    }

    @Test
    void failuresAreTimedUnderTheirKindAndNeverTheirMessage() {
        assertThatThrownBy(() -> store.objects().get("raw/audio/missing.wav")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.transcriptions().get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);

        assertThat(objectStoreTimer("get", "not_found").count()).isEqualTo(1);
        assertThat(registry.find(MeteredCatalog.OPERATIONS).tag("operation", "transcriptions.find").timers())
                .extracting(t -> t.getId().getTag("outcome")).contains("success");
        assertThat(registry.getMeters()).allSatisfy(meter -> meter.getId().getTags()
                .forEach(tag -> assertThat(tag.getValue()).doesNotContain("missing.wav").hasSizeLessThan(64)));
    }

    @Test
    void ingestOutcomesCountStoredDeduplicatedAndRefusedByReason() {
        byte[] wav = TestAudio.wav(1, 8000);
        store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("a.wav").withIdempotencyKey("k-1"));
        store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("a.wav").withIdempotencyKey("k-1"));
        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream("not audio".getBytes()), AudioUpload.named("b.wav")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(2, 8000)),
                AudioUpload.named("a.wav").withIdempotencyKey("k-1"))).isInstanceOf(ConflictException.class);
        store.texts().add(new ByteArrayInputStream("hello".getBytes()), TextUpload.named("t.txt"));

        assertThat(ingests("audio", "stored", "none")).isEqualTo(1);
        assertThat(ingests("audio", "deduplicated", "none")).isEqualTo(1);
        assertThat(ingests("audio", "refused", "invalid_file")).isEqualTo(1);
        assertThat(ingests("audio", "refused", "conflict")).isEqualTo(1);
        assertThat(ingests("text", "stored", "none")).isEqualTo(1);
    }

    @Test
    void cachedReadsCountHitsAndMisses() {
        AudioFile file = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named("a.wav"));
        var transcription = store.transcriptions().add(file.id(), NewTranscription.of("hello", "en"));
        store.transcriptions().get(transcription.id());
        store.transcriptions().get(transcription.id());

        assertThat(cacheTimer("get", "hit").count()).isEqualTo(store.readCacheStats().hits()).isGreaterThanOrEqualTo(1);
        assertThat(cacheTimer("get", "miss").count()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("pipestore.reads.cache").tag("result", "hit").functionCounter().count())
                .isEqualTo(store.readCacheStats().hits());
    }

    @Test
    void storageUtilisationReportsTheIngestedBytesUnderTheirDataType() {
        byte[] wav = TestAudio.wav(1, 8000);
        store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("a.wav"));

        assertThat(registry.get(StorageUsageMeters.BYTES).tags("data_type", "audio", "tier", "standard").gauge().value())
                .isEqualTo(wav.length);
        assertThat(registry.get(StorageUsageMeters.OBJECTS).tags("data_type", "audio", "tier", "standard").gauge().value())
                .isEqualTo(1);
        assertThat(registry.get(StorageUsageMeters.BYTES).tags("data_type", "text", "tier", "standard").gauge().value()).isZero();
    }

    @Test
    void checksummedUploadsSurviveTheDecorator() {
        assertThat(store.objects()).isInstanceOf(MeteredObjectStore.class).isInstanceOf(ChecksummedUploads.class);
    }

    @Test
    void closingTheStoreRemovesItsMetersButLeavesTheCallersRegistryOpen() {
        assertThat(registry.find(MeteredObjectStore.OPERATIONS).meters()).isNotEmpty();

        store.close();

        assertThat(registry.getMeters()).isEmpty();
        assertThat(registry.isClosed()).isFalse();
    }

    private Timer objectStoreTimer(String operation, String outcome) {
        return registry.get(MeteredObjectStore.OPERATIONS).tags("operation", operation, "outcome", outcome, "backend", "filesystem")
                .timer();
    }

    private Timer cacheTimer(String operation, String outcome) {
        return registry.get(MeteredCache.OPERATIONS).tags("operation", operation, "outcome", outcome, "backend", "in_process").timer();
    }

    private double ingests(String dataType, String outcome, String reason) {
        return registry.get(IngestMeters.INGESTS).tags("data_type", dataType, "outcome", outcome, "reason", reason).counter().count();
    }
}
