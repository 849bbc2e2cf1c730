package dev.pipestore.cache.redis;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a Redis outage once when it starts, then at most once per interval while it lasts, then once when it ends:
 * a busy service must not write a line per cache call while Redis is down.
 */
final class OutageLog {

    private final Logger log;
    private final String redis;
    private final long intervalNanos;
    private final LongSupplier nanoClock;

    private boolean failing;
    private long lastReportNanos;
    private long unreported;
    private long failures;

    OutageLog(Logger log, String redis, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.redis = redis;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** A call or connection attempt failed. Synchronized: only failures reach here, at most one per retry interval. */
    synchronized void failure(String operation, Throwable cause) {
        long now = nanoClock.getAsLong();
        failures++;
        if (!failing) {
            failing = true;
            lastReportNanos = now;
            unreported = 0;
            log.warn("Cache redis {} unavailable ({} failed: {}); serving cache misses until it answers again,"
                    + " reported again every {} s while it lasts", redis, operation, RedisFailures.explain(cause),
                    Duration.ofNanos(intervalNanos).toSeconds());
        } else if (now - lastReportNanos >= intervalNanos) {
            log.warn("Cache redis {} still unavailable, {} more failures since the last report (last: {} failed: {})",
                    redis, unreported + 1, operation, RedisFailures.explain(cause));
            lastReportNanos = now;
            unreported = 0;
        } else {
            unreported++;
        }
    }

    /** Redis answered after an outage. */
    synchronized void recovered() {
        if (failing) {
            failing = false;
            log.info("Cache redis {} available again after {} failed attempts", redis, failures);
            failures = 0;
        }
    }
}
