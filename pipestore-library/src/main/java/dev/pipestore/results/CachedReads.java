package dev.pipestore.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheStats;
import dev.pipestore.json.RecordJson;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache-aside reads of catalog records: look in the cache, else load from the catalog and fill the cache.
 * Writers call {@link #invalidate} after their commit. Counts its own hits and misses.
 */
final class CachedReads {

    private static final Logger LOG = LoggerFactory.getLogger(CachedReads.class);

    private final Cache cache;
    private final Duration ttl;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    CachedReads(Cache cache, Duration ttl) {
        this.cache = cache;
        this.ttl = ttl;
    }

    /** The value under {@code key}, loading and caching it on a miss; an empty load is not cached. */
    <T> Optional<T> read(String key, TypeReference<T> type, Supplier<Optional<T>> loader) {
        Optional<T> cached = cache.get(key).flatMap(json -> decode(key, json, type));
        if (cached.isPresent()) {
            hits.increment();
            return cached;
        }
        misses.increment();
        Optional<T> loaded = loader.get();
        loaded.ifPresent(value -> cache.put(key, RecordJson.MAPPER.valueToTree(value), ttl));
        return loaded;
    }

    /** Drops every key given; a cache that is down has nothing stale to drop. */
    void invalidate(String... keys) {
        for (String key : keys) {
            cache.delete(key);
        }
    }

    CacheStats stats() {
        return new CacheStats(hits.sum(), misses.sum(), 0);
    }

    private static <T> Optional<T> decode(String key, JsonNode json, TypeReference<T> type) {
        try {
            return Optional.of(RecordJson.MAPPER.convertValue(json, type));
        } catch (IllegalArgumentException e) {
            // Written by another version of pipestore, say: treat as a miss and let the load overwrite it.
            LOG.debug("cached value under {} could not be read back; loading it again", key, e);
            return Optional.empty();
        }
    }
}
