package dev.pipestore.cache.internal;

import dev.pipestore.cache.CacheStats;
import java.util.concurrent.atomic.LongAdder;

/** Hit, miss and error counters shared by the adapters; LongAdder because every cache call on every thread touches them. */
public final class CacheCounters {

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder errors = new LongAdder();

    public void hit() {
        hits.increment();
    }

    public void miss() {
        misses.increment();
    }

    public void error() {
        errors.increment();
    }

    /** The counts now; each is read separately, so under load the three may be a few calls apart. */
    public CacheStats snapshot() {
        return new CacheStats(hits.sum(), misses.sum(), errors.sum());
    }
}
