package dev.pipestore.benchmarks.driver;

/**
 * What one timed window of a load measured.
 *
 * @param operations operations completed, including those in flight when the window closed
 * @param elapsedNanos from the common start until the last thread finished its last operation
 * @param cpuNanos CPU time this whole JVM used meanwhile (load threads, the in-process S3Proxy, GC, JIT)
 * @param latencies how long each operation took, all threads merged
 */
public record Window(long operations, long elapsedNanos, long cpuNanos, LatencyHistogram latencies) {

    /** Operations per second. */
    public double rate() {
        return operations * 1e9 / elapsedNanos;
    }

    /** CPU milliseconds of this JVM per operation. */
    public double cpuMillisPerOperation() {
        return operations == 0 ? Double.NaN : cpuNanos / 1e6 / operations;
    }
}
