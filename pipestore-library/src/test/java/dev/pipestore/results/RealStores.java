package dev.pipestore.results;

import dev.pipestore.PipeStore;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.testing.redis.RedisPrefix;
import dev.pipestore.testing.sql.ServerDatabaseExtension;
import java.nio.file.Path;
import java.util.Map;

/** Stores for the results tests on the real catalog and cache: a test's own database and Redis key prefix. */
final class RealStores {

    private RealStores() {}

    /** A store on {@code database} (PostgreSQL) and {@code redis}, keeping objects under {@code dataDir}. */
    static PipeStore onPostgresAndRedis(Path dataDir, ServerDatabaseExtension database, RedisPrefix redis) {
        String jdbc = database.jdbcUrl();
        PipeStore store = PipeStore.open(StoreConfig.from(Map.of(
                "PIPESTORE_DATA_DIR", dataDir.toString(),
                "DATABASE_URL", "postgresql://" + database.user() + "@" + jdbc.substring(jdbc.indexOf("//") + 2),
                "REDIS_HOST", redis.host(),
                "REDIS_PORT", Integer.toString(redis.port()),
                "PIPESTORE_CACHE_PREFIX", redis.value())));
        if (!store.cache().describe().startsWith("redis")) {
            store.close();
            throw new IllegalStateException("expected the Redis cache, got " + store.cache().describe());
        }
        return store;
    }
}
