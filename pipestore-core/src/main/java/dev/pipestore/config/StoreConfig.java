package dev.pipestore.config;

import dev.pipestore.objectstore.DataType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything pipestore needs to know to start, resolved from the environment (see {@link ConfigKeys}).
 * Each backend left unconfigured falls back to its embedded default under {@link #dataDir()}.
 *
 * @param dataDir where embedded backends keep their data
 * @param objectStore S3 or the embedded file-system store
 * @param database the catalog database, or embedded SQLite
 * @param cache Redis or the in-process cache
 * @param tempDir scratch space for uploads in progress
 * @param archiveDir cold storage for archived data
 * @param keyCacheTtl how long an API key check is remembered in-process; zero for never
 * @param uploadMemoryBytes heap bytes uploads in flight may hold in memory together; zero spools every upload
 */
public record StoreConfig(
        Path dataDir, ObjectStoreConfig objectStore, DatabaseConfig database, CacheConfig cache, Path tempDir, Path archiveDir,
        Duration keyCacheTtl, long uploadMemoryBytes) {

    /** Entries the embedded in-process cache holds at most. */
    public static final long IN_PROCESS_CACHE_ENTRIES = 100_000;

    public StoreConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(objectStore, "objectStore");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(tempDir, "tempDir");
        Objects.requireNonNull(archiveDir, "archiveDir");
        Objects.requireNonNull(keyCacheTtl, "keyCacheTtl");
        if (keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("keyCacheTtl must not be negative, got " + keyCacheTtl);
        }
        if (uploadMemoryBytes < 0) {
            throw new IllegalArgumentException("uploadMemoryBytes must not be negative, got " + uploadMemoryBytes);
        }
    }

    /** The same configuration with API key checks remembered for {@code value}. */
    public StoreConfig withKeyCacheTtl(Duration value) {
        return new StoreConfig(dataDir, objectStore, database, cache, tempDir, archiveDir, value, uploadMemoryBytes);
    }

    /** The same configuration with {@code value} bytes of heap for uploads in flight; zero spools every upload. */
    public StoreConfig withUploadMemoryBytes(long value) {
        return new StoreConfig(dataDir, objectStore, database, cache, tempDir, archiveDir, keyCacheTtl, value);
    }

    /**
     * The default heap budget for uploads in flight: {@link ConfigKeys#DEFAULT_UPLOAD_MEMORY_CAP_BYTES} or an eighth
     * of the maximum heap, whichever is less, so a JVM at {@code -Xmx128m} lends uploads 16 MiB.
     */
    public static long defaultUploadMemoryBytes() {
        return Math.min(ConfigKeys.DEFAULT_UPLOAD_MEMORY_CAP_BYTES, Runtime.getRuntime().maxMemory() / 8);
    }

    /** Reads the process environment. The only place pipestore reads it. */
    public static StoreConfig fromEnv() {
        return from(System.getenv());
    }

    /** Reads the given variables; unset and empty variables take their defaults. */
    public static StoreConfig from(Map<String, String> env) {
        var vars = new Variables(env);
        Path dataDir = vars.path(ConfigKeys.DATA_DIR, ConfigKeys.DEFAULT_DATA_DIR).toAbsolutePath().normalize();
        String bucket = bucket(vars);
        return new StoreConfig(
                dataDir,
                objectStore(vars, dataDir, bucket),
                database(vars, dataDir),
                cache(vars),
                vars.path(ConfigKeys.TEMP_STORAGE_PATH, dataDir.resolve("tmp").toString()).toAbsolutePath().normalize(),
                vars.path(ConfigKeys.ARCHIVE_STORAGE_PATH, dataDir.resolve("archive").toString()).toAbsolutePath().normalize(),
                Duration.ofSeconds(vars.integer(ConfigKeys.KEY_CACHE_TTL, ConfigKeys.DEFAULT_KEY_CACHE_TTL_SECONDS, 0, 3600)),
                vars.bytes(ConfigKeys.UPLOAD_MEMORY_BYTES, defaultUploadMemoryBytes()));
    }

    private static String bucket(Variables vars) {
        String bucket = vars.text(ConfigKeys.BUCKET, DataType.DEFAULT_BUCKET);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigurationException(ConfigKeys.BUCKET, "'" + bucket
                    + "' is not a valid S3 bucket name (3-63 lower-case letters, digits, '.' and '-')");
        }
        return bucket;
    }

    private static ObjectStoreConfig objectStore(Variables vars, Path dataDir, String bucket) {
        String endpoint = vars.text(ConfigKeys.MINIO_ENDPOINT, null);
        if (endpoint == null) {
            return new ObjectStoreConfig.FileSystem(dataDir.resolve("objects"), bucket);
        }
        boolean secure = vars.bool(ConfigKeys.MINIO_SECURE, false);
        String accessKey = vars.required(ConfigKeys.MINIO_ACCESS_KEY, "required when MINIO_ENDPOINT is set");
        String secretKey = vars.required(ConfigKeys.MINIO_SECRET_KEY, "required when MINIO_ENDPOINT is set");
        String region = vars.text(ConfigKeys.MINIO_REGION, ConfigKeys.DEFAULT_REGION);
        Duration readTimeout = Duration.ofSeconds(
                vars.integer(ConfigKeys.MINIO_READ_TIMEOUT, ConfigKeys.DEFAULT_S3_READ_TIMEOUT_SECONDS, 1, 3600));
        return new ObjectStoreConfig.S3(endpointUri(endpoint, secure), region, accessKey, secretKey, bucket, readTimeout);
    }

    private static URI endpointUri(String endpoint, boolean secure) {
        String withScheme = endpoint.contains("://") ? endpoint : (secure ? "https://" : "http://") + endpoint;
        String authority = withScheme.substring(withScheme.indexOf("://") + 3).split("[/?#]", 2)[0];
        if (authority.contains("@")) {
            // Not echoed: the user info may hold a secret.
            throw new ConfigurationException(ConfigKeys.MINIO_ENDPOINT, "has user:password@ in it; give the keys as"
                    + " MINIO_ACCESS_KEY and MINIO_SECRET_KEY");
        }
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(ConfigKeys.MINIO_ENDPOINT, "'" + endpoint + "' is not host:port or a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigurationException(ConfigKeys.MINIO_ENDPOINT, "'" + endpoint
                    + "' is not host:port or an http(s) URL");
        }
        if (uri.getPort() > 65_535) {
            throw new ConfigurationException(ConfigKeys.MINIO_ENDPOINT, "'" + endpoint + "' has port " + uri.getPort()
                    + ", above 65535");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new ConfigurationException(ConfigKeys.MINIO_ENDPOINT, "'" + endpoint + "' has a path; give the server"
                    + " only (host:port or http(s)://host:port), the bucket is PIPESTORE_BUCKET");
        }
        if (endpoint.contains("://") && scheme.equals("http") == secure) {
            throw new ConfigurationException(ConfigKeys.MINIO_SECURE, "is " + secure + " but MINIO_ENDPOINT says " + scheme);
        }
        return uri;
    }

    private static DatabaseConfig database(Variables vars, Path dataDir) {
        int poolSize = vars.integer(ConfigKeys.DATABASE_POOL_SIZE, ConfigKeys.DEFAULT_POOL_SIZE, 1, 1000);
        int maxOverflow = vars.integer(ConfigKeys.DATABASE_MAX_OVERFLOW, ConfigKeys.DEFAULT_MAX_OVERFLOW, 0, 1000);
        Duration queryTimeout = Duration.ofSeconds(
                vars.integer(ConfigKeys.DATABASE_QUERY_TIMEOUT, ConfigKeys.DEFAULT_QUERY_TIMEOUT_SECONDS, 1, 3600));
        String url = vars.text(ConfigKeys.DATABASE_URL, null);
        if (url == null) {
            Path file = dataDir.resolve("catalog.db");
            String jdbc = "jdbc:sqlite:" + file;
            return new DatabaseConfig(jdbc, null, null, poolSize, maxOverflow, queryTimeout, true, jdbc);
        }
        return DatabaseUrls.parse(url, poolSize, maxOverflow, queryTimeout);
    }

    private static CacheConfig cache(Variables vars) {
        String prefix = vars.text(ConfigKeys.CACHE_PREFIX, ConfigKeys.DEFAULT_CACHE_PREFIX);
        String host = vars.text(ConfigKeys.REDIS_HOST, null);
        if (host == null) {
            return new CacheConfig.InProcess(IN_PROCESS_CACHE_ENTRIES, prefix);
        }
        if (!host.matches("[A-Za-z0-9.\\-]+|\\[?[0-9A-Fa-f:]+]?")) {
            throw new ConfigurationException(ConfigKeys.REDIS_HOST, "'" + host + "' is not a host name or IP address");
        }
        return new CacheConfig.Redis(
                host,
                vars.integer(ConfigKeys.REDIS_PORT, ConfigKeys.DEFAULT_REDIS_PORT, 1, 65535),
                vars.integer(ConfigKeys.REDIS_DB, 0, 0, 1_000_000),
                vars.text(ConfigKeys.REDIS_PASSWORD, null),
                vars.bool(ConfigKeys.REDIS_TLS, false),
                prefix);
    }

    /** Typed reads of variables, each failure naming the variable and never echoing a secret. */
    private record Variables(Map<String, String> env) {

        String text(String name, String fallback) {
            String value = env.get(name);
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        String required(String name, String why) {
            String value = text(name, null);
            if (value == null) {
                throw new ConfigurationException(name, why);
            }
            return value;
        }

        int integer(String name, int fallback, int min, int max) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name, "'" + value + "' is not a whole number");
            }
            if (parsed < min || parsed > max) {
                throw new ConfigurationException(name, parsed + " is out of range " + min + ".." + max);
            }
            return parsed;
        }

        long bytes(String name, long fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name, "'" + value + "' is not a whole number of bytes");
            }
            if (parsed < 0) {
                throw new ConfigurationException(name, parsed + " is negative; 0 spools every upload to a file");
            }
            return parsed;
        }

        boolean bool(String name, boolean fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new ConfigurationException(name, "'" + value + "' is not true or false");
            };
        }

        Path path(String name, String fallback) {
            String value = text(name, fallback);
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new ConfigurationException(name, "'" + value + "' is not a valid path: " + e.getReason());
            }
        }
    }
}
