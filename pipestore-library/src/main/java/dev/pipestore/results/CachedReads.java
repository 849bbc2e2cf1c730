package dev.pipestore.results;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheStats;
import dev.pipestore.catalog.StoredValues;
import dev.pipestore.json.RecordJson;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache-aside reads of catalog records: look in the cache, else load from the catalog and fill the cache.
 * Writers call {@link #invalidate} after their commit. Counts its own hits and misses.
 *
 * <p>Values are cached as the records' JSON ({@link RecordJson}) and decoded from the cached text in one pass, straight
 * into the record, as {@link StoredValues}: what the store checked on the way in is not checked again. An entry that
 * does not decode (corrupt, or written by another version) is a miss: it is deleted and the record is loaded again.
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

    /**
     * The value under {@code key}, loading and caching it on a miss; an empty load is not cached.
     *
     * @param reader reads the value's type from {@link RecordJson}'s JSON; built once per type by the caller
     */
    <T> Optional<T> read(String key, ObjectReader reader, Supplier<Optional<T>> loader) {
        Optional<byte[]> json = cache.getUtf8(key);
        if (json.isPresent()) {
            Optional<T> cached = decode(key, json.get(), reader);
            if (cached.isPresent()) {
                hits.increment();
                return cached;
            }
            // Not worth keeping: without this, a load that finds nothing would leave it there for its whole TTL.
            cache.delete(key);
        }
        misses.increment();
        Optional<T> loaded = loader.get();
        loaded.ifPresent(value -> cache.putUtf8(key, RecordJson.toUtf8(value), ttl));
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

    private static <T> Optional<T> decode(String key, byte[] json, ObjectReader reader) {
        try {
            return Optional.ofNullable(StoredValues.decode(() -> reader.readValue(json)));
        } catch (IOException | RuntimeException e) {
            // Written by another version of pipestore, say, or damaged: a miss, and the load overwrites it.
            LOG.debug("cached value under {} could not be read back; loading it again", key, e);
            return Optional.empty();
        }
    }
}
