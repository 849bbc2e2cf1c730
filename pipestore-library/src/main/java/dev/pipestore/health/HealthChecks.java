package dev.pipestore.health;

import dev.pipestore.StoreException;
import dev.pipestore.cache.Cache;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.SchemaStatus;
import dev.pipestore.config.CacheConfig;
import dev.pipestore.config.ObjectStoreConfig;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.wiring.Backends;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Checks each backend on its own, so one that is down does not hide the state of the others. */
public final class HealthChecks {

    private HealthChecks() {}

    /** Opens each backend from {@code config}, pings it, and closes it again. */
    public static HealthReport check(StoreConfig config) {
        boolean s3 = config.objectStore() instanceof ObjectStoreConfig.S3;
        boolean redis = config.cache() instanceof CacheConfig.Redis;
        return new HealthReport(List.of(
                probe("object_store", !s3, () -> Backends.openObjectStoreToProbe(config), ObjectStore::describe,
                        ObjectStore::ping),
                probe("catalog", config.database().embedded(), () -> Backends.openCatalog(config, false), Catalog::describe,
                        Catalog::ping),
                probe("cache", !redis, () -> Backends.openCache(config), Cache::describe, Cache::ping)));
    }

    /** Pings already-open backends. */
    public static HealthReport check(StoreConfig config, ObjectStore objects, Catalog catalog, Cache cache) {
        return new HealthReport(List.of(
                ping("object_store", !(config.objectStore() instanceof ObjectStoreConfig.S3), objects.describe(), objects::ping),
                ping("catalog", config.database().embedded(), catalog.describe(), catalog::ping),
                ping("cache", !(config.cache() instanceof CacheConfig.Redis), cache.describe(), cache::ping)));
    }

    /**
     * Where the catalog's schema stands, read without migrating: for {@code doctor}, since opening the store would
     * apply what is pending.
     *
     * @throws StoreException when the catalog cannot be opened or its schema history not read
     */
    public static SchemaStatus schema(StoreConfig config) {
        try (Catalog catalog = Backends.openCatalog(config, false)) {
            return catalog.schema();
        }
    }

    private static <T extends AutoCloseable> PortHealth probe(String port, boolean embedded, java.util.function.Supplier<T> opener,
            Function<T, String> describe, java.util.function.Consumer<T> pinger) {
        long start = System.nanoTime();
        T backend;
        try {
            backend = opener.get();
        } catch (StoreException e) {
            return new PortHealth(port, "(could not open)", embedded, false, since(start), e.getMessage());
        }
        try (backend) {
            return ping(port, embedded, describe.apply(backend), () -> pinger.accept(backend));
        } catch (Exception e) {
            return new PortHealth(port, describe.apply(backend), embedded, false, since(start), e.getMessage());
        }
    }

    private static PortHealth ping(String port, boolean embedded, String backend, Runnable pinger) {
        long start = System.nanoTime();
        try {
            pinger.run();
            return new PortHealth(port, backend, embedded, true, since(start), null);
        } catch (StoreException e) {
            return new PortHealth(port, backend, embedded, false, since(start), e.getMessage());
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
