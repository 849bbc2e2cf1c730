package dev.pipestore.results;

import dev.pipestore.catalog.CacheInvalidations;
import dev.pipestore.catalog.CacheInvalidations.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries cache invalidations between instances through the catalog. An instance that cannot reach a shared cache
 * cannot drop what the cache holds of its writes, and other instances would serve that for the cache's whole TTL (an
 * erased transcript included). So it records the keys in the catalog, which it has just committed the write to, and
 * every instance that reaches the cache marks what the others recorded, once a second. Records carry the catalog's
 * time, so the instances' own clocks never enter into it.
 */
final class InvalidationRelay {

    private static final Logger LOG = LoggerFactory.getLogger(InvalidationRelay.class);

    static final Duration PERIOD = Duration.ofSeconds(1);
    /**
     * How far back each pass looks again: a record is stamped when its statement runs and seen once its transaction
     * commits, which can put it behind a pass that already looked past its time.
     */
    static final Duration OVERLAP = Duration.ofSeconds(10);

    private final CacheInvalidations log;
    private final Predicate<String> mark;
    private final Duration ttl;
    private final ScheduledExecutorService passes = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("pipestore-invalidation-relay").factory());
    /** The last record a pass marked, or the time from which the next pass reads; null before the first pass. */
    private Instant fromTime;
    private long fromId = -1;
    private Instant lastForget;

    /**
     * @param mark marks one key invalidated in the cache; false when the cache could not take it
     * @param ttl the cache's time to live: a record older than that concerns no value the cache still holds
     */
    InvalidationRelay(CacheInvalidations log, Predicate<String> mark, Duration ttl) {
        this.log = log;
        this.mark = mark;
        this.ttl = ttl;
    }

    /** Relays every second from now on, until {@link #close}. */
    void start() {
        passes.scheduleWithFixedDelay(this::passQuietly, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records keys this instance could not invalidate; when even that fails, its own retries are all that is left. */
    void record(Collection<String> keys) {
        try {
            log.record(keys);
        } catch (RuntimeException e) {
            LOG.warn("could not record {} cache invalidations for other instances ({}); they may serve those entries until"
                    + " they expire, within {}", keys.size(), e.getMessage(), ttl);
        }
    }

    /** One pass: marks what was recorded since the last, and forgets records older than the TTL now and then. */
    private void pass() {
        Instant now = log.now();
        if (fromTime == null) {
            fromTime = now.minus(ttl); // a new instance: whatever the cache may still hold
        }
        List<Recorded> recorded = log.recordedAfter(fromTime, fromId, CacheInvalidations.MAX_BATCH);
        for (Recorded record : recorded) {
            if (!mark.test(record.key())) {
                return; // the cache is out of reach here too: the next pass starts from the same place
            }
        }
        if (recorded.size() == CacheInvalidations.MAX_BATCH) {
            fromTime = recorded.getLast().at(); // more to read: continue right after the last
            fromId = recorded.getLast().id();
        } else {
            fromTime = now.minus(OVERLAP); // caught up: look back over what may still be committing
            fromId = -1;
        }
        if (lastForget == null || Duration.between(lastForget, now).compareTo(ttl) > 0) {
            log.forgetBefore(now.minus(ttl).minus(OVERLAP));
            lastForget = now;
        }
    }

    private void passQuietly() {
        try {
            pass();
        } catch (RuntimeException e) {
            LOG.debug("relaying cache invalidations failed; the next pass tries again", e);
        }
    }

    /** Stops the passes, waiting a moment for one under way, so none runs on a catalog or cache being closed. */
    void close() {
        passes.shutdownNow();
        try {
            passes.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
