package dev.pipestore.benchmarks.report;

import dev.pipestore.benchmarks.memory.LargeIngestResult;
import java.util.List;
import java.util.Locale;

/** The memory check's table: a large ingest in a child JVM with a small heap, on each set of backends. */
final class MemorySection {

    private MemorySection() {}

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
                        .append(Numbers.mebibytes(r.maxHeapAfterGcBytes())).append(" | ")
                        .append(r.collections()).append(" | ").append(r.collector()).append(" |\n");
            } else {
                md.append("**failed**: ").append(r.failure().replace('|', '/')).append(" | | | | | | |\n");
            }
        }
        return md.toString();
    }
}
