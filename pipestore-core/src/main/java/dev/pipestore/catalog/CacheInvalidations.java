package dev.pipestore.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Cache keys an instance could not invalidate because it could not reach the cache, kept in the catalog so that
 * instances that do reach the cache invalidate them on its behalf. A writer can always record here: it has just
 * committed its write to this same catalog. Rows are few (written only on such failures) and short-lived. Every time
 * here is the catalog's own clock, so instances whose clocks disagree still read each other's records.
 */
public interface CacheInvalidations {

    /** The most keys {@link #recordedAfter} returns at once. */
    int MAX_BATCH = 1_000;

    /** Records that the cached values under {@code keys} may be stale from now on, stamped by the catalog's clock. */
    void record(Collection<String> keys);

    /** The catalog's clock. */
    Instant now();

    /**
     * Records after the position ({@code at}, {@code id}) in the order of their time and then id, oldest first, at
     * most {@code limit}: pass the last one read to continue after it, or a time and -1 to read from that time on.
     */
    List<Recorded> recordedAfter(Instant at, long id, int limit);

    /** Forgets what was recorded before {@code before}; returns how many rows went. */
    int forgetBefore(Instant before);

    /** One recorded key, with its time and its place among records of the same time. */
    record Recorded(String key, Instant at, long id) {}
}
