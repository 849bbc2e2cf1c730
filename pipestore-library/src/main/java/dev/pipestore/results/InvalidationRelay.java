package dev.pipestore.results;

import dev.pipestore.catalog.CacheInvalidations;
import dev.pipestore.catalog.CacheInvalidations.Recorded;
import java.time.Clock;
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
 * every instance that reaches the cache marks what the others recorded, once a second.
 */
final class InvalidationRelay {

    private static final Logger LOG = LoggerFactory.getLogger(InvalidationRelay.class);

    static final Duration PERIOD = Duration.ofSeconds(1);
    /**
     * How far back each pass looks again: a record is stamped by its writer's clock before its transaction commits,
     * so it can appear behind a pass that already looked past its time.
     */
    static final Duration OVERLAP = Duration.ofSeconds(10);

    private final CacheInvalidations log;
    private final Predicate<String> mark;
    private final Duration ttl;
    private final Clock clock;
    private final ScheduledExecutorService passes = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("pipestore-invalidation-relay").factory());
    /** Where the next pass starts: what was recorded before it is marked already, or older than any cached value. */
    private Instant from;
    private Instant lastForget = Instant.EPOCH;

    /**
     * @param mark marks one key invalidated in the cache; false when the cache could not take it
     * @param ttl the cache's time to live: a record older than that concerns no value the cache still holds
     */
    InvalidationRelay(CacheInvalidations log, Predicate<String> mark, Duration ttl, Clock clock) {
        this.log = log;
        this.mark = mark;
        this.ttl = ttl;
        this.clock = clock;
        this.from = clock.instant().minus(ttl);
    }

    /** Relays every second from now on, until {@link #close}. */
    void start() {
        passes.scheduleWithFixedDelay(this::passQuietly, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records keys this instance could not invalidate; when even that fails, its own retries are all that is left. */
    void record(Collection<String> keys) {
        try {
            log.record(keys, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("could not record {} cache invalidations for other instances ({}); they may serve those entries until"
                    + " they expire, within {}", keys.size(), e.getMessage(), ttl);
        }
    }

    /** One pass: marks what was recorded since the last, and forgets records older than the TTL now and then. */
    synchronized void pass() {
        Instant now = clock.instant();
        List<Recorded> recorded = log.recordedSince(from, CacheInvalidations.MAX_BATCH);
        for (Recorded record : recorded) {
            if (!mark.test(record.key())) {
                return; // the cache is out of reach here too: the next pass starts from the same place
            }
        }
        // A full batch continues after its last record (records stamped alike past the batch are few and lost to
        // a lag of a second at most); otherwise the next pass looks back over what may still be committing.
        boolean full = recorded.size() == CacheInvalidations.MAX_BATCH;
        from = full ? recorded.getLast().at().plusNanos(1_000) : now.minus(OVERLAP);
        if (Duration.between(lastForget, now).compareTo(ttl) > 0) {
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

    void close() {
        passes.shutdownNow();
    }
}
