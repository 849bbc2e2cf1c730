package dev.pipestore.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Cache keys an instance could not invalidate because it could not reach the cache, kept in the catalog so that
 * instances that do reach the cache invalidate them on its behalf. A writer can always record here: it has just
 * committed its write to this same catalog. Rows are few (written only on such failures) and short-lived.
 */
public interface CacheInvalidations {

    /** The most keys {@link #recordedSince} returns at once. */
    int MAX_BATCH = 1_000;

    /** Records that the cached values under {@code keys} may be stale since {@code at}. */
    void record(Collection<String> keys, Instant at);

    /**
     * Keys recorded at or after {@code since}, oldest first, at most {@code limit} of them; a key recorded twice may
     * come twice.
     */
    List<Recorded> recordedSince(Instant since, int limit);

    /** Forgets what was recorded before {@code before}; returns how many rows went. */
    int forgetBefore(Instant before);

    /** One recorded key. */
    record Recorded(String key, Instant at) {}
}
