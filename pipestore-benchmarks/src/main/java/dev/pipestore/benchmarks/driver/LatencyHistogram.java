package dev.pipestore.benchmarks.driver;

/**
 * Operation latencies in fixed log-linear buckets (16 per power of two, so a percentile is known to within about 6 %),
 * from 1 ns to several hours. One per load thread: {@link #record} only increments an array slot, so the timed
 * loop allocates nothing and shares nothing; the threads' histograms are merged after the window.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 4;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int OCTAVES = 41;

    private final long[] counts = new long[OCTAVES * SUB_BUCKETS];
    private long total;

    /** Counts one operation that took {@code nanos}. */
    public void record(long nanos) {
        counts[index(Math.max(1, nanos))]++;
        total++;
    }

    /** Adds every count of {@code other} to this one. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    public long count() {
        return total;
    }

    /**
     * The latency at or below which {@code percentile} (0 to 100) of the operations finished: the upper edge of the
     * bucket holding that rank, so it errs high by at most one bucket's width.
     */
    public double percentileNanos(double percentile) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(total * percentile / 100.0));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperEdge(i);
            }
        }
        return upperEdge(counts.length - 1);
    }

    static int index(long nanos) {
        int octave = 63 - Long.numberOfLeadingZeros(nanos);
        if (octave < SUB_BITS) {
            return (int) nanos; // below 16 ns every nanosecond is its own bucket
        }
        int sub = (int) (nanos >>> (octave - SUB_BITS)) & (SUB_BUCKETS - 1);
        int index = (octave - SUB_BITS + 1) * SUB_BUCKETS + sub;
        return Math.min(index, OCTAVES * SUB_BUCKETS - 1);
    }

    /** The largest latency that falls into bucket {@code index}. */
    static double upperEdge(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int octave = index / SUB_BUCKETS - 1 + SUB_BITS;
        int sub = index % SUB_BUCKETS;
        long width = 1L << (octave - SUB_BITS);
        return ((long) (SUB_BUCKETS + sub) << (octave - SUB_BITS)) + width - 1;
    }
}
