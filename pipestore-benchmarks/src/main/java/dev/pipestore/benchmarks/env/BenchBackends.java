package dev.pipestore.benchmarks.env;

import dev.pipestore.PipeStore;
import dev.pipestore.config.ConfigKeys;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.testing.redis.RedisPrefix;
import dev.pipestore.testing.s3.S3ProxyExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The backends of one benchmark run, all on 127.0.0.1: S3Proxy started in this JVM with a fresh bucket, a temporary
 * PostgreSQL database, a Redis key prefix of our own, and a temporary data directory. Closing removes all of them.
 */
public final class BenchBackends implements AutoCloseable {

    private final S3ProxyExtension s3;
    private final String bucket;
    private final TemporaryPostgres postgres;
    private final RedisPrefix redis;
    private final Path dataDir;

    private BenchBackends(S3ProxyExtension s3, String bucket, TemporaryPostgres postgres, RedisPrefix redis, Path dataDir) {
        this.s3 = s3;
        this.bucket = bucket;
        this.postgres = postgres;
        this.redis = redis;
        this.dataDir = dataDir;
    }

    public static BenchBackends start() throws Exception {
        S3ProxyExtension s3 = S3ProxyExtension.shared();
        TemporaryPostgres postgres = TemporaryPostgres.create();
        try {
            Path dataDir = Files.createTempDirectory("pipestore-bench-");
            return new BenchBackends(s3, s3.newBucketName(), postgres, RedisPrefix.onSharedRedis(), dataDir);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The environment pipestore reads, pointing every port at these backends. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ConfigKeys.DATA_DIR, dataDir.toString());
        env.put(ConfigKeys.MINIO_ENDPOINT, s3.endpoint().toString());
        env.put(ConfigKeys.MINIO_ACCESS_KEY, s3.accessKey());
        env.put(ConfigKeys.MINIO_SECRET_KEY, s3.secretKey());
        env.put(ConfigKeys.MINIO_REGION, s3.region());
        env.put(ConfigKeys.BUCKET, bucket);
        env.put(ConfigKeys.DATABASE_URL, postgres.databaseUrl());
        env.put(ConfigKeys.REDIS_HOST, redis.host());
        env.put(ConfigKeys.REDIS_PORT, String.valueOf(redis.port()));
        env.put(ConfigKeys.CACHE_PREFIX, redis.value());
        // Tuning a run may vary, say to compare in-memory uploads with spooled ones; nothing that picks a backend.
        String uploadMemory = System.getenv(ConfigKeys.UPLOAD_MEMORY_BYTES);
        if (uploadMemory != null) {
            env.put(ConfigKeys.UPLOAD_MEMORY_BYTES, uploadMemory);
        }
        return env;
    }

    public PipeStore openStore() {
        return PipeStore.open(StoreConfig.from(environment()));
    }

    /** A plain AWS SDK v2 client (Apache HTTP client, SDK defaults) for the same S3Proxy; the caller closes it. */
    public S3Client newS3Client() {
        return s3.newClient();
    }

    public String bucket() {
        return bucket;
    }

    public TemporaryPostgres postgres() {
        return postgres;
    }

    public RedisPrefix redis() {
        return redis;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException, SQLException {
        try (postgres) {
            redis.deleteKeys();
            s3.deleteBucket(bucket);
        } finally {
            TempDirectories.deleteTree(dataDir);
        }
    }
}
