package dev.pipestore.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * Port to the cache of JSON values with a time to live: the seed's {@code cache_result} / {@code get_cached_result}.
 *
 * <p>A cache never fails its caller: when the backend is down, {@link #get} is a miss and {@link #put} returns
 * {@code false}, quickly. Keys are scoped by the adapter's prefix, so deployments can share one server.
 */
public interface Cache extends AutoCloseable {

    /** The seed's default expiry. */
    Duration DEFAULT_TTL = Duration.ofSeconds(3600);

    /** The value under {@code key}, or empty on a miss, an expired entry or an unavailable backend. */
    Optional<JsonNode> get(String key);

    /** Stores {@code value} under {@code key} for {@code ttl}; returns {@code false} when it was dropped. */
    boolean put(String key, JsonNode value, Duration ttl);

    /** Stores with the default time to live of one hour. */
    default boolean put(String key, JsonNode value) {
        return put(key, value, DEFAULT_TTL);
    }

    /** Removes {@code key}; returns {@code false} only when the backend could not be reached. */
    boolean delete(String key);

    /** Checks that the backend answers; throws {@link dev.pipestore.BackendUnavailableException} when it does not. */
    void ping();

    /** Which cache this is, for people: never contains a password. */
    String describe();

    /** Hits, misses and errors so far; adapters that do not count report {@link CacheStats#ZERO}. */
    default CacheStats stats() {
        return CacheStats.ZERO;
    }

    @Override
    void close();
}
