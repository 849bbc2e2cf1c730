package dev.pipestore.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Metadata;
import java.nio.charset.StandardCharsets;
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

    /**
     * The value under {@code key} as its compact JSON text in UTF-8, exactly as stored and not parsed: for callers that
     * decode it straight into their own types, and treat bytes they cannot decode as a miss. Counts as a hit or a miss
     * as {@link #get} does. The array is the caller's. Adapters that keep the text override the default, which parses
     * the value and writes it again.
     */
    default Optional<byte[]> getUtf8(String key) {
        return get(key).map(value -> Metadata.toJson(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Stores JSON text in UTF-8 that the caller wrote itself (one JSON value, such as a record serialised with Jackson)
     * under {@code key} for {@code ttl}, without parsing it; returns {@code false} when it was dropped. Bytes that are
     * not JSON read back from {@link #get} as a miss. The cache may keep the array: the caller must not change it.
     * Adapters that keep the text override the default, which parses it.
     */
    default boolean putUtf8(String key, byte[] json, Duration ttl) {
        return put(key, Metadata.parseStored(new String(json, StandardCharsets.UTF_8)), ttl);
    }

    /**
     * Stores JSON text as {@link #putUtf8} does, but only when nothing is stored under {@code key}, checked and stored in
     * one step: for a cache-aside fill, which must not replace what a writer put there after the value was loaded (an
     * invalidation marker, say). An expired entry counts as nothing.
     */
    Fill putUtf8IfAbsent(String key, byte[] json, Duration ttl);

    /** What {@link #putUtf8IfAbsent} did. */
    enum Fill {
        /** The value is stored. */
        STORED,
        /** Something was stored under the key already; it stays. */
        PRESENT,
        /** The backend was down or slow: nothing is known to be stored. */
        DROPPED
    }

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
