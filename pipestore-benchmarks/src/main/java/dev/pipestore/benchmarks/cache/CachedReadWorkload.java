package dev.pipestore.benchmarks.cache;

import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.driver.Operation;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.cache.CacheStats;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.UUID;

/**
 * A cached transcription read, {@code PipeStore.transcriptions().get(id)} answered from Redis, against a raw Lettuce
 * GET of the same key (the same JSON bytes) with the sync API on one connection, which is also what pipestore's
 * Redis cache holds.
 */
public final class CachedReadWorkload implements Workload {

    private final PipeStore store;
    private final UUID transcriptionId;
    private final String redisKey;
    private final int threads;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final CacheStats before;

    /**
     * @param redisKey the full Redis key pipestore caches the transcription under (prefix included); checked to hold
     *     the value before anything is measured
     */
    public CachedReadWorkload(PipeStore store, UUID transcriptionId, String host, int port, String redisKey, int threads) {
        this.store = store;
        this.transcriptionId = transcriptionId;
        this.redisKey = redisKey;
        this.threads = threads;
        store.transcriptions().get(transcriptionId); // fills the cache
        this.client = RedisClient.create(RedisURI.create(host, port));
        this.connection = client.connect();
        this.redis = connection.sync();
        if (redis.get(redisKey) == null) {
            close();
            throw new IllegalStateException("pipestore did not cache transcription " + transcriptionId + " under " + redisKey);
        }
        this.before = store.readCacheStats();
    }

    /** The size of the cached JSON value, for the report. */
    public int valueBytes() {
        return redis.strlen(redisKey).intValue();
    }

    @Override
    public String title() {
        return "cached transcription read (`transcriptions().get`, Redis hit) vs Lettuce GET";
    }

    @Override
    public String description() {
        return "Cached read: ours is `store.transcriptions().get(id)` answered from Redis (GET, JSON parse, record built and"
                + " checked); raw is Lettuce's sync `get(key)` of the same key on one connection, the same JSON bytes, "
                + threads + " thread(s) sharing that connection as pipestore's threads share its one.";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public Operation ours() {
        return thread -> store.transcriptions().get(transcriptionId);
    }

    @Override
    public Operation raw() {
        return thread -> {
            if (redis.get(redisKey) == null) {
                throw new IllegalStateException("the cached value under " + redisKey + " disappeared");
            }
        };
    }

    /** Every read of ours must have been a cache hit, or the row would measure PostgreSQL instead of Redis. */
    @Override
    public String verify() {
        CacheStats now = store.readCacheStats();
        long misses = now.misses() - before.misses();
        if (misses != 0) {
            throw new IllegalStateException(misses + " of pipestore's reads missed the cache; the row would not measure Redis");
        }
        return (now.hits() - before.hits()) + " reads, all cache hits, of a " + valueBytes() + "-byte JSON value";
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
