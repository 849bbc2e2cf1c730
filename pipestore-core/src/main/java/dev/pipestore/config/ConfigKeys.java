package dev.pipestore.config;

/**
 * Every environment variable pipestore reads, with its default. The seed's variables (section 8.1) keep their names;
 * the rest start with {@code PIPESTORE_}. A variable that is unset or empty takes its default.
 */
public final class ConfigKeys {

    /** Where embedded backends keep their data. Default {@value #DEFAULT_DATA_DIR}. */
    public static final String DATA_DIR = "PIPESTORE_DATA_DIR";
    public static final String DEFAULT_DATA_DIR = "./pipestore-data";

    /** S3 endpoint, {@code host:port} or a URL. Unset: objects go to the file system under the data directory. */
    public static final String MINIO_ENDPOINT = "MINIO_ENDPOINT";
    /** S3 access key; required with {@link #MINIO_ENDPOINT}. */
    public static final String MINIO_ACCESS_KEY = "MINIO_ACCESS_KEY";
    /** S3 secret key; required with {@link #MINIO_ENDPOINT}. Never printed. */
    public static final String MINIO_SECRET_KEY = "MINIO_SECRET_KEY";
    /** {@code true} for HTTPS to the S3 endpoint. Default {@code false}, as in the seed. */
    public static final String MINIO_SECURE = "MINIO_SECURE";
    /** S3 region for request signing. Default {@value #DEFAULT_REGION}. */
    public static final String MINIO_REGION = "MINIO_REGION";
    public static final String DEFAULT_REGION = "us-east-1";
    /**
     * Longest silence, in seconds, on an open connection to S3 before an attempt fails (the SDK makes up to four). Default
     * {@value #DEFAULT_S3_READ_TIMEOUT_SECONDS}.
     */
    public static final String MINIO_READ_TIMEOUT = "MINIO_READ_TIMEOUT";
    public static final int DEFAULT_S3_READ_TIMEOUT_SECONDS = 60;
    /** The bucket of the seed layout. Default {@code data-pipeline}. */
    public static final String BUCKET = "PIPESTORE_BUCKET";

    /** {@code postgresql://user:pass@host:port/db?sslmode=...}, {@code mysql://}, {@code mariadb://} or {@code jdbc:}. Unset: embedded SQLite. */
    public static final String DATABASE_URL = "DATABASE_URL";
    /** Connections kept open. Default {@value #DEFAULT_POOL_SIZE}. */
    public static final String DATABASE_POOL_SIZE = "DATABASE_POOL_SIZE";
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Extra connections allowed under load, above the pool size. Default {@value #DEFAULT_MAX_OVERFLOW}. */
    public static final String DATABASE_MAX_OVERFLOW = "DATABASE_MAX_OVERFLOW";
    public static final int DEFAULT_MAX_OVERFLOW = 20;
    /**
     * Longest wait, in seconds, for the catalog database to answer one statement (a database that hangs or a network
     * that drops packets then gives a 503, not a hung request). Migrations are exempt. Default
     * {@value #DEFAULT_QUERY_TIMEOUT_SECONDS}.
     */
    public static final String DATABASE_QUERY_TIMEOUT = "DATABASE_QUERY_TIMEOUT";
    public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 30;

    /** Redis host. Unset: an in-process cache. */
    public static final String REDIS_HOST = "REDIS_HOST";
    /** Default {@value #DEFAULT_REDIS_PORT}. */
    public static final String REDIS_PORT = "REDIS_PORT";
    public static final int DEFAULT_REDIS_PORT = 6379;
    /** Redis logical database. Default 0. */
    public static final String REDIS_DB = "REDIS_DB";
    /** Redis password (AUTH). Never printed. */
    public static final String REDIS_PASSWORD = "REDIS_PASSWORD";
    /** {@code true} for TLS to Redis. Default {@code false}. */
    public static final String REDIS_TLS = "REDIS_TLS";
    /** Prefix of every cache key, so deployments can share one Redis. Default {@value #DEFAULT_CACHE_PREFIX}. */
    public static final String CACHE_PREFIX = "PIPESTORE_CACHE_PREFIX";
    public static final String DEFAULT_CACHE_PREFIX = "pipestore:";

    /** Scratch space for uploads in progress. Default {@code <data dir>/tmp}. */
    public static final String TEMP_STORAGE_PATH = "TEMP_STORAGE_PATH";
    /** Cold storage for archived data. Default {@code <data dir>/archive}. */
    public static final String ARCHIVE_STORAGE_PATH = "ARCHIVE_STORAGE_PATH";

    /**
     * Seconds an API key check is remembered in each process, found or not. A key revoked through another process (or
     * {@code pipestore keys revoke}) stops working here within this time; 0 checks the catalog on every request.
     * Default {@value #DEFAULT_KEY_CACHE_TTL_SECONDS}.
     */
    public static final String KEY_CACHE_TTL = "PIPESTORE_KEY_CACHE_TTL";
    public static final int DEFAULT_KEY_CACHE_TTL_SECONDS = 5;

    /**
     * Bytes of heap that uploads in flight may hold in memory together, in each {@code PipeStore} (so in each server
     * process); an upload that cannot reserve more is spooled to {@link #TEMP_STORAGE_PATH}. 0 spools every upload.
     * Default: {@value #DEFAULT_UPLOAD_MEMORY_CAP_BYTES} bytes or an eighth of the maximum heap, whichever is less: room
     * for eight uploads of 16 MiB (ten-minute WAV files) at once once the heap is 1 GiB.
     */
    public static final String UPLOAD_MEMORY_BYTES = "PIPESTORE_UPLOAD_MEMORY_BYTES";
    public static final long DEFAULT_UPLOAD_MEMORY_CAP_BYTES = 128L * 1024 * 1024;

    private ConfigKeys() {}
}
