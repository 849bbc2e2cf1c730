package dev.pipestore;

import dev.pipestore.access.ApiKeyService;
import dev.pipestore.cache.Cache;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.StorageUsage;
import dev.pipestore.config.CacheConfig;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.health.HealthChecks;
import dev.pipestore.health.HealthReport;
import dev.pipestore.ingest.AudioService;
import dev.pipestore.ingest.IngestServices;
import dev.pipestore.ingest.Orphans;
import dev.pipestore.ingest.TextService;
import dev.pipestore.ingest.UploadMemory;
import dev.pipestore.integrity.LiveDataCheck;
import dev.pipestore.metrics.IngestMeters;
import dev.pipestore.metrics.StorageUsageMeters;
import dev.pipestore.metrics.StoreMeters;
import dev.pipestore.objectstore.ObjectNames;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.results.ResultService;
import dev.pipestore.results.ResultServices;
import dev.pipestore.results.TranscriptionService;
import dev.pipestore.results.TranslationService;
import dev.pipestore.search.SearchService;
import dev.pipestore.wiring.Backends;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pipestore library: audio, texts, transcriptions, translations and analysis results over an object store, a
 * catalog and a cache, all built from configuration.
 *
 * <pre>{@code
 * try (PipeStore store = PipeStore.open(StoreConfig.fromEnv())) {
 *     AudioFile audio = store.audio().ingest(Path.of("call.wav"), AudioUpload.named("call.wav").withLanguage("en"));
 *     Transcription text = store.transcriptions().add(audio.id(), NewTranscription.of("hello", "en").withModel("whisper-1"));
 *     store.translations().add(text.id(), NewTranslation.of("hallo", "de"));
 * }
 * }</pre>
 *
 * <p>Every call to the object store, catalog and cache is metered (see {@code docs/METRICS.md}) in {@link #meters()}:
 * a Prometheus registry of the store's own unless the caller passes one to {@link #open(StoreConfig, MeterRegistry)}.
 */
public final class PipeStore implements AutoCloseable {

    /**
     * How long cached reads are served. With Redis every writer's invalidation reaches every reader, so the seed's
     * hour is safe; an in-process cache cannot hear another process's writes, so it is trusted only briefly.
     */
    static final Duration SHARED_CACHE_TTL = Cache.DEFAULT_TTL;
    static final Duration IN_PROCESS_CACHE_TTL = Duration.ofSeconds(5);

    private final StoreConfig config;
    private final StoreMeters meters;
    private final ObjectStore objects;
    private final Catalog catalog;
    private final Cache cache;
    private final IngestServices ingest;
    private final ResultServices results;
    private final SearchService search;
    private final ApiKeyService apiKeys;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PipeStore(StoreConfig config, ObjectStore rawObjects, Catalog rawCatalog, Cache rawCache, StoreMeters meters) {
        this.config = config;
        this.meters = meters;
        // The services see only the metered ports, so every backend call they make is counted, and counted here.
        this.objects = Backends.metered(config, rawObjects, meters);
        this.catalog = Backends.metered(config, rawCatalog, meters);
        this.cache = Backends.metered(config, rawCache, meters);
        Clock clock = Clock.systemUTC();
        boolean shared = config.cache() instanceof CacheConfig.Redis;
        this.results = new ResultServices(catalog, cache, shared ? SHARED_CACHE_TTL : IN_PROCESS_CACHE_TTL, clock, shared);
        this.ingest = new IngestServices(objects, catalog, ObjectNames.systemDefault(), clock, config.objectStore().bucket(),
                config.tempDir(), IngestServices.DEFAULT_MAX_UPLOAD_BYTES, UploadMemory.ofBudget(config.uploadMemoryBytes()),
                new IngestMeters(meters), results::forget);
        this.search = new SearchService(catalog);
        this.apiKeys = new ApiKeyService(catalog.apiKeys(), clock, config.keyCacheTtl());
        meters.functionCounter("pipestore.reads.cache", "Cached transcription and translation reads by result",
                Tags.of("result", "hit"), results, r -> r.readCacheStats().hits());
        meters.functionCounter("pipestore.reads.cache", "Cached transcription and translation reads by result",
                Tags.of("result", "miss"), results, r -> r.readCacheStats().misses());
        if (catalog instanceof StorageUsage usage) {
            StorageUsageMeters.register(usage, StorageUsageMeters.DEFAULT_MAX_AGE, meters);
        }
        results.start(); // last: a constructor that failed above leaves no thread polling a closed catalog
    }

    /**
     * Opens every backend named by {@code config} (embedded defaults for the unconfigured ones) and applies pending
     * catalog migrations.
     *
     * @throws dev.pipestore.config.ConfigurationException naming the variable whose backend could not be opened
     */
    public static PipeStore open(StoreConfig config) {
        return open(config, defaultRegistry(), true);
    }

    /**
     * Like {@link #open(StoreConfig)}, with the store's meters in {@code registry}, which the caller keeps: closing the
     * store removes its meters from it but does not close it. Give each store its own registry, or tell their meters
     * apart with common tags.
     */
    public static PipeStore open(StoreConfig config, MeterRegistry registry) {
        return open(config, registry, false);
    }

    private static PipeStore open(StoreConfig config, MeterRegistry registry, boolean ownsRegistry) {
        Backends.prepareDirectories(config);
        ObjectStore objects = Backends.openObjectStore(config);
        Catalog catalog = null;
        try {
            catalog = Backends.openCatalog(config, true);
            return new PipeStore(config, objects, catalog, Backends.openCache(config), new StoreMeters(registry, ownsRegistry));
        } catch (RuntimeException e) {
            if (catalog != null) {
                catalog.close();
            }
            objects.close();
            throw e;
        }
    }

    /**
     * A store over backends the caller opened, for example wrapped in decorators; closing the store closes them.
     * {@code config} supplies the bucket name, the temporary directory and the cache policy.
     */
    public static PipeStore over(StoreConfig config, ObjectStore objects, Catalog catalog, Cache cache) {
        Backends.prepareDirectories(config);
        return new PipeStore(config, objects, catalog, cache, new StoreMeters(defaultRegistry(), true));
    }

    /** Like {@link #over(StoreConfig, ObjectStore, Catalog, Cache)}, with the meters in the caller's {@code registry}. */
    public static PipeStore over(StoreConfig config, ObjectStore objects, Catalog catalog, Cache cache, MeterRegistry registry) {
        Backends.prepareDirectories(config);
        return new PipeStore(config, objects, catalog, cache, new StoreMeters(registry, false));
    }

    /** A registry of the store's own: Prometheus, so {@code pipestore serve} can expose it as it is. */
    private static MeterRegistry defaultRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** The configuration this store was opened with (secrets included: do not log it whole). */
    public StoreConfig config() {
        return config;
    }

    /** Audio files: ingest, read, list, claim, status, delete. */
    public AudioService audio() {
        return ingest.audio();
    }

    /** Raw text documents. */
    public TextService texts() {
        return ingest.texts();
    }

    /** Transcriptions of audio files, read through the cache. */
    public TranscriptionService transcriptions() {
        return results.transcriptions();
    }

    /** Translations of transcriptions, read through the cache. */
    public TranslationService translations() {
        return results.translations();
    }

    /** Analysis results, written in batches. */
    public ResultService results() {
        return results.results();
    }

    /** Full-text search over transcriptions and translations. */
    public SearchService search() {
        return search;
    }

    /** API keys with roles, for the HTTP API's access control. */
    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    /** Objects without a catalog row, left by interrupted ingests. */
    public Orphans orphans() {
        return ingest.orphans();
    }

    /**
     * Checks every stored record's object against its row (size, and SHA-256 when deep) and looks for orphans: the
     * {@code verify} of live data.
     */
    public LiveDataCheck liveDataCheck() {
        return new LiveDataCheck(catalog, objects, ingest.orphans());
    }

    /** Cached results and temporary data. */
    public Cache cache() {
        return cache;
    }

    /** The raw object store port, in the seed's bucket layout. */
    public ObjectStore objects() {
        return objects;
    }

    /** The raw catalog port. */
    public Catalog catalog() {
        return catalog;
    }

    /** Hits and misses of cached transcription and translation reads. */
    public dev.pipestore.cache.CacheStats readCacheStats() {
        return results.readCacheStats();
    }

    /** Where the store's meters are: its own Prometheus registry, or the one the caller passed in. */
    public MeterRegistry meters() {
        return meters.registry();
    }

    /** Pings every backend. */
    public HealthReport health() {
        return HealthChecks.check(config, objects, catalog, cache);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // closing twice is harmless
        }
        results.flushInvalidations();
        results.close();
        try (meters; objects; catalog; cache) {
            // closes all four, even when one fails; the meters last, after the backends they read
        } finally {
            ingest.deleteUnfinishedUploads();
        }
    }
}
