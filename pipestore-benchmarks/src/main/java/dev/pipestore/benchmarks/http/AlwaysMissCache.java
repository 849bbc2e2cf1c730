package dev.pipestore.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheStats;
import java.time.Duration;
import java.util.Optional;

/**
 * A cache port over the real Redis cache on which every read misses yet does the work of a real miss: {@link #get}
 * asks Redis (and finds nothing), and {@link #put} writes the loaded value to Redis, but under a sibling key, so the next
 * read of the same key misses again. It lets the uncached HTTP row pay exactly what a cold read pays (GET, catalog
 * SELECT, SET) on every request, with nothing to evict between requests on the client's side.
 *
 * <p>The text forms ({@link #getUtf8}, {@link #putUtf8}, {@link #putUtf8IfAbsent}) go straight to Redis as well: the port's defaults would parse
 * and write the JSON again, work a real miss does not do.
 */
final class AlwaysMissCache implements Cache {

    /** Appended to the key of every value written, so no read ever finds it. */
    static final String WRITTEN_SUFFIX = "#written-not-read";

    private final Cache redis;

    AlwaysMissCache(Cache redis) {
        this.redis = redis;
    }

    @Override
    public Optional<JsonNode> get(String key) {
        return redis.get(key);
    }

    @Override
    public boolean put(String key, JsonNode value, Duration ttl) {
        return redis.put(key + WRITTEN_SUFFIX, value, ttl);
    }

    @Override
    public Optional<byte[]> getUtf8(String key) {
        return redis.getUtf8(key);
    }

    @Override
    public boolean putUtf8(String key, byte[] json, Duration ttl) {
        return redis.putUtf8(key + WRITTEN_SUFFIX, json, ttl);
    }

    @Override
    public Fill putUtf8IfAbsent(String key, byte[] json, Duration ttl) {
        return redis.putUtf8IfAbsent(key + WRITTEN_SUFFIX, json, ttl);
    }

    @Override
    public boolean delete(String key) {
        return redis.delete(key);
    }

    @Override
    public void ping() {
        redis.ping();
    }

    @Override
    public String describe() {
        return redis.describe() + ", every read a miss (benchmark)";
    }

    @Override
    public CacheStats stats() {
        return redis.stats();
    }

    @Override
    public void close() {
        redis.close();
    }
}
