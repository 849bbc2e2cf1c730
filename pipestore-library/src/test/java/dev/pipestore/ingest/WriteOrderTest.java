package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.IntegrityException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.PipeStore;
import dev.pipestore.cache.Cache;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.ObjectSummary;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.fs.StoredCopies;
import dev.pipestore.testing.objectstore.ForwardingObjectStore;
import dev.pipestore.wiring.Backends;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults injected at the ports, one step at a time: a failed ingest never leaves a row, at most an orphan object. */
class WriteOrderTest {

    @TempDir
    Path dataDir;

    @Test
    void uploadThatBreaksOffMidStreamLeavesNoRowNoObjectAndNoTempFile() throws Exception {
        byte[] wav = TestAudio.wav(5, 16000);
        InputStream breaksOff = new java.io.FilterInputStream(new ByteArrayInputStream(wav)) {
            private int served;

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                if (served > wav.length / 2) {
                    throw new java.io.IOException("connection reset by peer");
                }
                int n = super.read(buffer, offset, Math.min(length, 4096));
                served += Math.max(n, 0);
                return n;
            }
        };
        try (PipeStore store = storeWith(real -> real, catalog -> catalog)) {
            assertThatThrownBy(() -> store.audio().ingest(breaksOff, AudioUpload.named("cut.wav")))
                    .isInstanceOf(dev.pipestore.InvalidInputException.class).hasMessageContaining("connection reset");

            assertThat(rows(store)).isZero();
            assertThat(store.objects().list("", null, 10).objects()).isEmpty();
            try (var temp = java.nio.file.Files.list(store.config().tempDir())) {
                assertThat(temp).isEmpty();
            }
        }
    }

    @Test
    void objectStoreFailureLeavesNeitherRowNorObject() {
        try (PipeStore store = storeWith(real -> new ForwardingObjectStore(real) {
            @Override
            public StoredObject put(String key, InputStream content, PutOptions options) {
                throw new BackendUnavailableException("object store (test)", "disk full", null);
            }
        }, catalog -> catalog)) {
            assertThatThrownBy(() -> ingestOne(store)).isInstanceOf(BackendUnavailableException.class);

            assertThat(rows(store)).isZero();
            assertThat(store.objects().list("", null, 10).objects()).isEmpty();
        }
    }

    @Test
    void checksumMismatchAfterWriteRemovesTheObjectAndStoresNoRow() {
        try (PipeStore store = storeWith(real -> new ForwardingObjectStore(real) {
            @Override
            public StoredObject put(String key, InputStream content, PutOptions options) {
                StoredObject stored = super.put(key, content, options);
                return new StoredObject(stored.key(), stored.size(), "0".repeat(64));
            }
        }, catalog -> catalog)) {
            assertThatThrownBy(() -> ingestOne(store)).isInstanceOf(IntegrityException.class).hasMessageContaining("SHA-256");

            assertThat(rows(store)).isZero();
            assertThat(store.objects().list("", null, 10).objects()).isEmpty();
        }
    }

    @Test
    void catalogFailureAfterObjectWriteLeavesOnlyAnOrphanThatTheSweepFindsAndRemoves() {
        try (PipeStore store = storeWith(real -> real, FailingInsertCatalog::new)) {
            assertThatThrownBy(() -> ingestOne(store)).isInstanceOf(BackendUnavailableException.class)
                    .as("an unconfirmed write may still land: the caller is told so, and which id to look for")
                    .hasMessageMatching("(?s).*the row of audio file [0-9a-f-]{36} was sent but not confirmed.*");

            assertThat(rows(store)).isZero();
            List<ObjectSummary> objects = store.objects().list("raw/audio/", null, 10).objects();
            assertThat(objects).hasSize(1);
            assertThat(store.orphans().find(Orphans.DEFAULT_GRACE)).as("young objects are not orphans yet").isEmpty();
            assertThat(store.orphans().find(Duration.ZERO)).extracting(ObjectSummary::key).containsExactly(objects.get(0).key());
            assertThatThrownBy(() -> store.orphans().sweep(Duration.ZERO)).as("an upload may still be in progress")
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("grace"));
            assertThat(store.objects().list("raw/audio/", null, 10).objects()).hasSize(1);
            StoredCopies.age(dataDir.resolve("objects"), Orphans.MIN_SWEEP_GRACE.plusMinutes(1));

            assertThat(store.orphans().sweep(Orphans.MIN_SWEEP_GRACE)).isEqualTo(1);
            assertThat(store.objects().list("", null, 10).objects()).isEmpty();
        }
    }

    @Test
    void sweepNeverRemovesAnObjectThatHasItsRow() {
        try (PipeStore store = storeWith(real -> real, catalog -> catalog)) {
            var file = ingestOne(store);

            StoredCopies.age(dataDir.resolve("objects"), Orphans.MIN_SWEEP_GRACE.plusMinutes(1));

            assertThat(store.orphans().find(Duration.ZERO)).isEmpty();
            assertThat(store.orphans().sweep(Orphans.MIN_SWEEP_GRACE)).isZero();
            assertThat(store.objects().head(file.objectKey())).isPresent();
        }
    }

    private PipeStore storeWith(Function<ObjectStore, ObjectStore> objects, Function<Catalog, Catalog> catalog) {
        StoreConfig config = StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString()));
        Cache cache = Backends.openCache(config);
        return PipeStore.over(config, objects.apply(Backends.openObjectStore(config)),
                catalog.apply(Backends.openCatalog(config, true)), cache);
    }

    private static dev.pipestore.catalog.AudioFile ingestOne(PipeStore store) {
        return store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named("a.wav"));
    }

    private static int rows(PipeStore store) {
        return store.catalog().audioFiles().list(AudioFileQuery.all(), PageRequest.first(10)).items().size();
    }
}
