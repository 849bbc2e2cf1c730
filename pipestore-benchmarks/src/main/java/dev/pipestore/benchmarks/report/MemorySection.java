package dev.pipestore.benchmarks.report;

import dev.pipestore.benchmarks.memory.LargeIngestResult;
import java.util.List;
import java.util.Locale;

/**
 * The memory check's table: a large ingest in a child JVM with a small heap, on each set of backends, and a large
 * upload over HTTP to a server in a child JVM with a small heap.
 */
final class MemorySection {

    private MemorySection() {}

    /** The live set's high-water mark as a share of -Xmx: what "memory stays flat" means in one figure. */
    private static String afterGcShare(LargeIngestResult r) {
        long max = Numbers.parseHeap(r.maxHeap());
        return max <= 0 ? "" : String.format(Locale.ROOT, " (%.0f %% of -Xmx)", 100.0 * r.maxHeapAfterGcBytes() / max);
    }

    static String render(List<LargeIngestResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("| backends | -Xmx | result | ingest time | MB/s | peak heap used (polled every 5 ms) | max heap after GC")
                .append(" | GCs | collector |\n|---|---|---|---|---|---|---|---|---|\n");
        for (LargeIngestResult r : results) {
            md.append("| ").append(r.backends()).append(" | ").append(r.maxHeap()).append(" | ");
            if (r.succeeded()) {
                md.append("ok, ").append(Numbers.mebibytes(r.bytes())).append(" stored | ")
                        .append(String.format(Locale.ROOT, "%.1f s", r.nanos() / 1e9)).append(" | ")
                        .append(Numbers.rate(r.megabytesPerSecond())).append(" | ")
                        .append(Numbers.mebibytes(r.peakHeapBytes())).append(" | ")
                        .append(Numbers.mebibytes(r.maxHeapAfterGcBytes())).append(afterGcShare(r)).append(" | ")
                        .append(r.collections()).append(" | ").append(r.collector()).append(" |\n");
            } else {
                md.append("**failed**: ").append(r.failure().replace('|', '/')).append(" | | | | | | |\n");
            }
        }
        return md.toString();
    }
}
