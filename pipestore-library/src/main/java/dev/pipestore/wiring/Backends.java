package dev.pipestore.wiring;

import dev.pipestore.StoreException;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.local.LocalCache;
import dev.pipestore.cache.redis.RedisCache;
import dev.pipestore.cache.redis.RedisSettings;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.sql.SqlCatalog;
import dev.pipestore.catalog.sql.SqlCatalogSettings;
import dev.pipestore.config.CacheConfig;
import dev.pipestore.config.ConfigKeys;
import dev.pipestore.config.ConfigurationException;
import dev.pipestore.config.DatabaseConfig;
import dev.pipestore.config.ObjectStoreConfig;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.metrics.MeteredCache;
import dev.pipestore.metrics.MeteredCatalog;
import dev.pipestore.metrics.MeteredObjectStore;
import dev.pipestore.metrics.StoreMeters;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.fs.FileSystemObjectStore;
import dev.pipestore.objectstore.s3.S3ObjectStore;
import dev.pipestore.objectstore.s3.S3Settings;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The composition root: builds each port's adapter from a {@link StoreConfig}. Nothing else chooses adapters.
 * A backend that cannot be opened fails with a {@link ConfigurationException} naming the variable that chose it.
 */
public final class Backends {

    /** The longest an S3 server may stay silent in one attempt of a health check's calls. */
    public static final Duration PROBE_READ_TIMEOUT = Duration.ofSeconds(2);

    private static final Pattern JDBC_KIND = Pattern.compile("jdbc:([a-z0-9]{1,20}):.*");

    private Backends() {}

    /** The object store adapter: S3 when {@code MINIO_ENDPOINT} is set, else files under the data directory. */
    public static ObjectStore openObjectStore(StoreConfig config) {
        return openObjectStore(config, false);
    }

    /**
     * As {@link #openObjectStore(StoreConfig)}, for a health check: an S3 server's silence ends each attempt after at
     * most {@link #PROBE_READ_TIMEOUT}, so a diagnosis takes seconds where a store's calls would wait minutes.
     */
    public static ObjectStore openObjectStoreToProbe(StoreConfig config) {
        return openObjectStore(config, true);
    }

    private static ObjectStore openObjectStore(StoreConfig config, boolean probe) {
        return switch (config.objectStore()) {
            case ObjectStoreConfig.S3 s3 -> failingWith(ConfigKeys.MINIO_ENDPOINT, () -> {
                S3Settings settings = S3Settings.from(s3);
                if (probe && settings.readTimeout().compareTo(PROBE_READ_TIMEOUT) > 0) {
                    settings = settings.withReadTimeout(PROBE_READ_TIMEOUT);
                }
                return S3ObjectStore.open(settings);
            });
            case ObjectStoreConfig.FileSystem fs -> {
                DataDirectories.prepare(ConfigKeys.DATA_DIR, fs.root());
                yield failingWith(ConfigKeys.DATA_DIR, () -> FileSystemObjectStore.open(fs.root(), fs.bucket()));
            }
        };
    }

    /** The catalog adapter for {@code DATABASE_URL}, or embedded SQLite in the data directory; migrated when asked. */
    public static Catalog openCatalog(StoreConfig config, boolean migrate) {
        DatabaseConfig db = config.database();
        String variable = ConfigKeys.DATABASE_URL;
        if (db.embedded()) {
            DataDirectories.prepare(ConfigKeys.DATA_DIR, config.dataDir());
            variable = ConfigKeys.DATA_DIR;
        }
        var settings = SqlCatalogSettings.from(db);
        return failingWith(variable, () -> SqlCatalog.open(settings, migrate));
    }

    /** The cache adapter: Redis when {@code REDIS_HOST} is set, else in-process. Never fails because Redis is down. */
    public static Cache openCache(StoreConfig config) {
        return switch (config.cache()) {
            case CacheConfig.Redis redis -> failingWith(ConfigKeys.REDIS_HOST, () -> RedisCache.open(RedisSettings.of(redis)));
            case CacheConfig.InProcess local -> new LocalCache(local.maxEntries());
        };
    }

    /** {@code objects} timed and its bytes counted, tagged {@code s3} or {@code filesystem} as {@code config} says. */
    public static ObjectStore metered(StoreConfig config, ObjectStore objects, StoreMeters meters) {
        String backend = config.objectStore() instanceof ObjectStoreConfig.S3 ? "s3" : "filesystem";
        return MeteredObjectStore.of(objects, backend, meters);
    }

    /** {@code catalog} timed, tagged with the database kind of {@code DATABASE_URL} (never the URL). */
    public static Catalog metered(StoreConfig config, Catalog catalog, StoreMeters meters) {
        return MeteredCatalog.of(catalog, databaseKind(config.database()), meters);
    }

    /** {@code cache} timed, tagged {@code redis} or {@code in_process}. */
    public static Cache metered(StoreConfig config, Cache cache, StoreMeters meters) {
        return new MeteredCache(cache, config.cache() instanceof CacheConfig.Redis ? "redis" : "in_process", meters);
    }

    /** {@code postgresql}, {@code mariadb}, {@code mysql}, {@code sqlite}: the JDBC sub-protocol, nothing after it. */
    static String databaseKind(DatabaseConfig db) {
        Matcher kind = JDBC_KIND.matcher(db.jdbcUrl().toLowerCase(Locale.ROOT));
        return kind.matches() ? kind.group(1) : "other";
    }

    /** Makes sure the temporary and archive directories exist and are writable. */
    public static void prepareDirectories(StoreConfig config) {
        DataDirectories.prepare(ConfigKeys.TEMP_STORAGE_PATH, config.tempDir());
        DataDirectories.prepare(ConfigKeys.ARCHIVE_STORAGE_PATH, config.archiveDir());
    }

    private static <T> T failingWith(String variable, java.util.function.Supplier<T> opener) {
        try {
            return opener.get();
        } catch (ConfigurationException e) {
            throw e;
        } catch (StoreException e) {
            throw new ConfigurationException(variable, e.getMessage(), e);
        }
    }
}
