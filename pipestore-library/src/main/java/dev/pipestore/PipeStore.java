package dev.pipestore;

import dev.pipestore.cache.Cache;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.health.HealthChecks;
import dev.pipestore.health.HealthReport;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.wiring.Backends;

/**
 * The pipestore library: one object holding the object store, the catalog and the cache, built from configuration.
 *
 * <pre>{@code
 * try (PipeStore store = PipeStore.open(StoreConfig.fromEnv())) {
 *     store.catalog().audioFiles().list(AudioFileQuery.all(), PageRequest.firstPage());
 * }
 * }</pre>
 */
public final class PipeStore implements AutoCloseable {

    private final StoreConfig config;
    private final ObjectStore objects;
    private final Catalog catalog;
    private final Cache cache;

    private PipeStore(StoreConfig config, ObjectStore objects, Catalog catalog, Cache cache) {
        this.config = config;
        this.objects = objects;
        this.catalog = catalog;
        this.cache = cache;
    }

    /**
     * Opens every backend named by {@code config} (embedded defaults for the unconfigured ones) and applies pending
     * catalog migrations.
     *
     * @throws dev.pipestore.config.ConfigurationException naming the variable whose backend could not be opened
     */
    public static PipeStore open(StoreConfig config) {
        Backends.prepareDirectories(config);
        ObjectStore objects = Backends.openObjectStore(config);
        Catalog catalog = null;
        try {
            catalog = Backends.openCatalog(config, true);
            return new PipeStore(config, objects, catalog, Backends.openCache(config));
        } catch (RuntimeException e) {
            if (catalog != null) {
                catalog.close();
            }
            objects.close();
            throw e;
        }
    }

    public StoreConfig config() {
        return config;
    }

    /** Raw objects in the seed's bucket layout. */
    public ObjectStore objects() {
        return objects;
    }

    /** Metadata, transcriptions, translations and analysis results. */
    public Catalog catalog() {
        return catalog;
    }

    /** Cached results and temporary data. */
    public Cache cache() {
        return cache;
    }

    /** Pings every backend. */
    public HealthReport health() {
        return HealthChecks.check(config, objects, catalog, cache);
    }

    @Override
    public void close() {
        try (objects; catalog; cache) {
            // closes all three, even when one fails
        }
    }
}
