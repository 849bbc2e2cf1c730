package dev.pipestore.benchmarks.memory;

/**
 * One run of the large-file memory check.
 *
 * @param backends which backends, for the report
 * @param maxHeap the {@code -Xmx} it ran with
 * @param succeeded whether the ingest finished and stored every byte
 * @param bytes the file's size
 * @param nanos the ingest's wall time (spool, probe, upload, row), not counting start-up
 * @param peakHeapBytes the largest heap use the child saw by polling
 * @param gc what the GC log says
 * @param collector the collectors the child JVM ran with
 * @param failure the child's last words when it failed, else empty
 */
public record LargeIngestResult(String backends, String maxHeap, boolean succeeded, long bytes, long nanos, long peakHeapBytes,
        GcLog gc, String collector, String failure) {

    /** Ingest throughput in MB/s (10^6 bytes). */
    public double megabytesPerSecond() {
        return bytes / 1e6 / (nanos / 1e9);
    }

    public int collections() {
        return gc.collections();
    }

    public long maxHeapAfterGcBytes() {
        return gc.maxAfterBytes();
    }
}
