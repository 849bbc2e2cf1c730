package dev.pipestore.results;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheStats;
import dev.pipestore.catalog.CacheInvalidations;
import dev.pipestore.catalog.StoredValues;
import dev.pipestore.json.RecordJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache-aside reads of catalog records: look in the cache, else load from the catalog and fill the cache.
 * Writers call {@link #invalidate} after their commit. Counts its own hits and misses.
 *
 * <p>An invalidation does not delete the entry: it replaces it with a marker that lives {@link #INVALIDATION_HOLD}, and
 * fills only store where nothing is ({@link Cache#putUtf8IfAbsent}). Otherwise a read that loaded the old value just
 * before a write committed could fill the cache with it just after the write's invalidation, and serve it (a list
 * without the new transcription, a transcription already erased) for the whole TTL, on every instance. A read that
 * finds the marker reads past the cache and does not fill it; once the marker expires, reads fill as usual. Only a read
 * slower than the hold between its load and its fill can still put back what a write replaced.
 *
 * <p>Values are cached as the records' JSON ({@link RecordJson}) and decoded from the cached text in one pass, straight
 * into the record, as {@link StoredValues}: what the store checked on the way in is not checked again. An entry that
 * does not decode (corrupt, or written by another version) is a miss: it is deleted and the record is loaded again.
 *
 * <p>An invalidation the cache could not carry out (Redis down, slow, or skipped after a failure) is not forgotten: the
 * key is read past the cache, and marked again before each read and every second in the background, until a marking
 * succeeds. Past {@link #MAX_UNSURE} such keys the whole cache is read past for one TTL, after which every entry written
 * before is gone. Another instance of pipestore does not know these keys; it may serve a stale entry until this one's
 * retry succeeds, about a second after the cache answers again.
 */
final class CachedReads {

    private static final Logger LOG = LoggerFactory.getLogger(CachedReads.class);

    /** How long an invalidation marker keeps fills out: far longer than a read takes from its load to its fill. */
    static final Duration INVALIDATION_HOLD = Duration.ofSeconds(10);
    /** What an invalidated key holds: JSON, as the cache takes only JSON, that no record serialises to. */
    static final byte[] INVALIDATED = "{\"pipestore:invalidated\":true}".getBytes(StandardCharsets.UTF_8);

    /**
     * Keys whose invalidation failed, held in memory (some 200 bytes each); beyond this, the cache is distrusted whole
     * for one TTL, here only: other instances may serve what was cached before the outage until it expires.
     */
    static final int MAX_UNSURE = 50_000;
    /** Markings retried before one read: a recovering Redis works through a backlog over several reads. */
    private static final int RETRIES_PER_READ = 64;

    private final Cache cache;
    private final Duration ttl;
    private final Duration hold;
    private final LongSupplier nanoTime;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Set<String> unsure = ConcurrentHashMap.newKeySet();
    /** Retries failed invalidations while no read comes to do it; its one thread starts with the first failure. */
    private final ScheduledExecutorService retrier = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("pipestore-cache-invalidations").factory());
    private final AtomicBoolean retrying = new AtomicBoolean();
    /** Carries failed invalidations to the other instances and theirs to this one; null for a cache of its own. */
    private final InvalidationRelay relay;
    private volatile long distrustUntil;
    private volatile boolean distrusted;

    CachedReads(Cache cache, Duration ttl) {
        this(cache, ttl, System::nanoTime, null);
    }

    /**
     * @param shared where to record invalidations this instance could not make, and read those of others, when the
     *     cache is shared by several instances (Redis); {@code null} for a cache of this process alone
     */
    CachedReads(Cache cache, Duration ttl, LongSupplier nanoTime, CacheInvalidations shared) {
        this.cache = cache;
        this.ttl = ttl;
        this.hold = ttl.compareTo(INVALIDATION_HOLD) < 0 ? ttl : INVALIDATION_HOLD;
        this.nanoTime = nanoTime;
        this.relay = shared == null ? null : new InvalidationRelay(shared, this::mark, ttl);
    }

    /** Starts relaying other instances' invalidations, once the store around this is whole. */
    void start() {
        if (relay != null) {
            relay.start();
        }
    }

    /**
     * The value under {@code key}, loading and caching it on a miss; an empty load is not cached.
     *
     * @param reader reads the value's type from {@link RecordJson}'s JSON; built once per type by the caller
     */
    <T> Optional<T> read(String key, ObjectReader reader, Supplier<Optional<T>> loader) {
        retryInvalidations(RETRIES_PER_READ);
        if (unsure.contains(key) || isDistrusted()) {
            // What the cache holds here may predate a write: read past it, and do not fill it until it is known clean.
            misses.increment();
            return loader.get();
        }
        Optional<byte[]> json = cache.getUtf8(key);
        if (json.isPresent() && Arrays.equals(json.get(), INVALIDATED)) {
            // Written moments ago: a fill now might carry a value loaded before that write.
            misses.increment();
            return loader.get();
        }
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
        loaded.ifPresent(value -> cache.putUtf8IfAbsent(key, RecordJson.toUtf8(value), ttl));
        return loaded;
    }

    /** Marks every key given invalidated; a key the cache could not mark now is read past until it can (see the class). */
    void invalidate(String... keys) {
        List<String> failed = null; // made only on a failure: every write comes through here
        for (String key : keys) {
            if (!mark(key)) {
                failed = failed == null ? new ArrayList<>() : failed;
                failed.add(key);
            }
        }
        if (failed == null) {
            return;
        }
        failed.forEach(this::remember); // first: this instance reads past them from now on
        if (relay != null) {
            relay.record(failed);
        }
    }

    private boolean mark(String key) {
        return cache.putUtf8(key, INVALIDATED, hold);
    }

    private void remember(String key) {
        if (unsure.size() >= MAX_UNSURE) {
            distrustUntil = nanoTime.getAsLong() + ttl.toNanos();
            distrusted = true;
            unsure.clear();
            LOG.warn("more than {} cache invalidations failed; reading past the cache for {}", MAX_UNSURE, ttl);
            return;
        }
        unsure.add(key);
        if (retrying.compareAndSet(false, true)) {
            try {
                retrier.scheduleWithFixedDelay(this::retryInBackground, 1, 1, TimeUnit.SECONDS);
            } catch (RejectedExecutionException closed) {
                // The store is closing: its flush is the last retry.
            }
        }
    }

    private void retryInBackground() {
        try {
            retryInvalidations(Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            // The cache port never fails its caller; should it, the next round tries again.
            LOG.debug("retrying cache invalidations failed", e);
        }
    }

    private boolean isDistrusted() {
        if (distrusted && nanoTime.getAsLong() - distrustUntil >= 0) {
            distrusted = false;
        }
        return distrusted;
    }

    /** Marks up to {@code max} of the keys whose invalidation failed, stopping at the first the cache still refuses. */
    private void retryInvalidations(int max) {
        if (unsure.isEmpty()) {
            return;
        }
        int tried = 0;
        for (String key : unsure) {
            if (tried++ == max || !mark(key)) {
                return;
            }
            unsure.remove(key);
        }
    }

    /** Retries every failed invalidation once, and says what may stay stale when the cache still cannot drop it. */
    void flushInvalidations() {
        unsure.removeIf(this::mark);
        if (!unsure.isEmpty() || isDistrusted()) {
            LOG.warn("the cache could not drop {} entries written before a change; other readers may see them until they"
                    + " expire, within {}", isDistrusted() ? "more than " + MAX_UNSURE : Integer.toString(unsure.size()), ttl);
        }
    }

    /** Stops the background retries; what is still unsure is left to {@link #flushInvalidations} before it. */
    void close() {
        retrier.shutdownNow();
        if (relay != null) {
            relay.close();
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
