package dev.pipestore.cache.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets calls skip Redis for a short interval after a failure, so that an unreachable server costs one timeout per
 * interval instead of one per call; after the interval exactly one call tries again (half-open).
 */
final class CircuitBreaker {

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicBoolean open = new AtomicBoolean();
    private final AtomicLong retryAtNanos = new AtomicLong();

    CircuitBreaker(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Whether this call may go to Redis: always while closed, and for one caller per interval while open. */
    boolean allowsCall() {
        if (!open.get()) {
            return true;
        }
        long retryAt = retryAtNanos.get();
        long now = nanoClock.getAsLong();
        if (now - retryAt < 0) {
            return false;
        }
        // The winner of this race probes; everyone else keeps skipping for another interval unless the probe succeeds.
        return retryAtNanos.compareAndSet(retryAt, now + intervalNanos);
    }

    /** Redis answered; returns {@code true} when that ends an outage. */
    boolean recordSuccess() {
        // The plain read keeps the healthy path free of contended writes.
        return open.get() && open.compareAndSet(true, false);
    }

    /** Redis failed: skip it for the next interval. */
    void recordFailure() {
        // Deadline first, so that a caller who sees the breaker open also sees the new deadline.
        retryAtNanos.set(nanoClock.getAsLong() + intervalNanos);
        open.set(true);
    }

    boolean isOpen() {
        return open.get();
    }
}
