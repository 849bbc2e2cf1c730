package dev.pipestore.benchmarks.http;

import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.benchmarks.env.BenchBackends;
import dev.pipestore.benchmarks.ingest.BenchAudio;
import dev.pipestore.cache.Cache;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.config.ConfigKeys;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.results.NewTranscription;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.wiring.Backends;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The rows of the HTTP API (issue 4): a 10 MiB upload against a raw PutObject, and a transcription read, cached and
 * uncached, against the server's constant {@code /health}; 1 and 8 client threads each. Each row opens its own server
 * when its turn comes and stops it when done.
 */
public final class HttpRows {

    /**
     * Measured pairs per HTTP row at most: six rows added to a run that already takes most of its 15-minute budget;
     * their spread says whether more would change the verdict.
     */
    static final int MAX_PAIRS = 4;

    private static final int[] CLIENTS = {1, 8};

    private HttpRows() {}

    /** The rows, each opened only when run; the transcription they read is made on first use. */
    public static List<Callable<Workload>> factories(BenchBackends backends, PipeStore store, S3Client s3) {
        List<Callable<Workload>> rows = new ArrayList<>();
        byte[] large = BenchAudio.wavOfSize(10 << 20, 48_000);
        for (int threads : CLIENTS) {
            rows.add(() -> new HttpUploadWorkload(store, s3, backends.bucket(), "10 MiB", large, threads));
        }
        UUID[] transcription = new UUID[1];
        for (int threads : CLIENTS) {
            rows.add(() -> new TranscriptionGetWorkload(store, transcriptionOf(store, transcription), true, threads, null));
        }
        for (int threads : CLIENTS) {
            rows.add(() -> {
                PipeStore uncached = uncachedStore(backends);
                try {
                    return new TranscriptionGetWorkload(uncached, transcriptionOf(store, transcription), false, threads, uncached);
                } catch (RuntimeException e) {
                    uncached.close();
                    throw e;
                }
            });
        }
        return rows;
    }

    /** One transcription of the shape workers write (about 1 KiB with three timed segments), made once. */
    private static UUID transcriptionOf(PipeStore store, UUID[] made) {
        if (made[0] == null) {
            var audio = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(40, 8_000)),
                    AudioUpload.named("bench-http-transcribed.wav"));
            Transcription text = store.transcriptions().add(audio.id(), NewTranscription.of(
                    "the quick brown fox jumps over the lazy dog and keeps running through the field ".repeat(8).strip(), "en")
                    .withModel("bench-model-1").withConfidence(0.91)
                    .withMetadata(Metadata.parseObject("metadata", """
                            {"segments": [
                              {"start": 0.0, "end": 9.5, "text": "the quick brown fox", "speaker": "A"},
                              {"start": 10.0, "end": 19.5, "text": "jumps over the lazy dog", "speaker": "B"},
                              {"start": 20.0, "end": 29.5, "text": "and keeps running", "speaker": "A"}]}""")));
            made[0] = text.id();
        }
        return made[0];
    }

    /**
     * A second store on the run's backends whose cache misses every read (see {@link AlwaysMissCache}), under a key
     * prefix of its own inside the run's, so the first store's cached entries are never seen and the run's clean-up
     * still removes what it writes.
     */
    private static PipeStore uncachedStore(BenchBackends backends) {
        Map<String, String> env = new java.util.LinkedHashMap<>(backends.environment());
        env.put(ConfigKeys.CACHE_PREFIX, backends.redis().value() + "uncached:");
        StoreConfig config = StoreConfig.from(env);
        ObjectStore objects = Backends.openObjectStore(config);
        Catalog catalog = null;
        try {
            catalog = Backends.openCatalog(config, false);
            Cache cache = new AlwaysMissCache(Backends.openCache(config));
            return PipeStore.over(config, objects, catalog, cache);
        } catch (RuntimeException e) {
            if (catalog != null) {
                catalog.close();
            }
            objects.close();
            throw e;
        }
    }
}
