package dev.pipestore.cli;

import dev.pipestore.config.CacheConfig;
import dev.pipestore.config.ConfigKeys;
import dev.pipestore.config.ObjectStoreConfig;
import dev.pipestore.config.StoreConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration as pipestore resolved it, one line per variable, with every secret replaced by {@code ***}. */
final class ResolvedConfiguration {

    private static final String SECRET = "***";

    private ResolvedConfiguration() {}

    static Map<String, String> of(StoreConfig config) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(ConfigKeys.DATA_DIR, config.dataDir().toString());
        switch (config.objectStore()) {
            case ObjectStoreConfig.S3 s3 -> {
                lines.put(ConfigKeys.MINIO_ENDPOINT, s3.endpoint().toString());
                lines.put(ConfigKeys.MINIO_ACCESS_KEY, s3.accessKey());
                lines.put(ConfigKeys.MINIO_SECRET_KEY, SECRET);
                lines.put(ConfigKeys.MINIO_SECURE, Boolean.toString("https".equals(s3.endpoint().getScheme())));
                lines.put(ConfigKeys.MINIO_REGION, s3.region());
                lines.put(ConfigKeys.MINIO_READ_TIMEOUT, Long.toString(s3.readTimeout().toSeconds()));
            }
            case ObjectStoreConfig.FileSystem fs -> lines.put(ConfigKeys.MINIO_ENDPOINT, "(unset: files under " + fs.root() + ")");
        }
        lines.put(ConfigKeys.BUCKET, config.objectStore().bucket());
        lines.put(ConfigKeys.DATABASE_URL, config.database().embedded()
                ? "(unset: embedded " + config.database().displayUrl() + ")"
                : config.database().displayUrl());
        lines.put(ConfigKeys.DATABASE_POOL_SIZE, Integer.toString(config.database().poolSize()));
        lines.put(ConfigKeys.DATABASE_MAX_OVERFLOW, Integer.toString(config.database().maxOverflow()));
        lines.put(ConfigKeys.DATABASE_QUERY_TIMEOUT, Long.toString(config.database().queryTimeout().toSeconds()));
        switch (config.cache()) {
            case CacheConfig.Redis redis -> {
                lines.put(ConfigKeys.REDIS_HOST, redis.host());
                lines.put(ConfigKeys.REDIS_PORT, Integer.toString(redis.port()));
                lines.put(ConfigKeys.REDIS_DB, Integer.toString(redis.database()));
                lines.put(ConfigKeys.REDIS_PASSWORD, redis.password() == null ? "(unset)" : SECRET);
                lines.put(ConfigKeys.REDIS_TLS, Boolean.toString(redis.tls()));
            }
            case CacheConfig.InProcess local -> lines.put(ConfigKeys.REDIS_HOST, "(unset: in-process cache)");
        }
        lines.put(ConfigKeys.CACHE_PREFIX, config.cache().keyPrefix());
        lines.put(ConfigKeys.TEMP_STORAGE_PATH, config.tempDir().toString());
        lines.put(ConfigKeys.ARCHIVE_STORAGE_PATH, config.archiveDir().toString());
        return lines;
    }
}
