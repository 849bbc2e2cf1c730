package dev.pipestore.cache;

/**
 * Counts of what a cache has done since it was opened, for metrics such as the hit rate.
 *
 * @param hits gets that returned a value
 * @param misses gets that returned nothing, including those answered with a miss because the backend failed
 * @param errors operations of any kind that failed at the backend or skipped it while it was considered down
 */
public record CacheStats(long hits, long misses, long errors) {

    /** No activity: what a cache that does not count reports. */
    public static final CacheStats ZERO = new CacheStats(0, 0, 0);

    public CacheStats {
        if (hits < 0 || misses < 0 || errors < 0) {
            throw new IllegalArgumentException("cache counts must not be negative: " + hits + ", " + misses + ", " + errors);
        }
    }

    /** Share of gets that were hits, between 0 and 1; 0 before the first get. */
    public double hitRate() {
        long gets = hits + misses;
        return gets == 0 ? 0.0 : (double) hits / gets;
    }
}
