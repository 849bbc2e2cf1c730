package dev.pipestore.benchmarks.memory;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.ingest.AudioUpload;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Child-JVM entry point of the memory check: ingests one large WAV through {@code PipeStore.audio().ingest} with the
 * backends the environment names, and prints one {@code RESULT} line with the time, the heap and what was stored.
 * {@link LargeIngestRunner} starts it with a small {@code -Xmx} and reads that line.
 *
 * <p>Usage: {@code LargeIngest FILE}
 */
public final class LargeIngest {

    static final String RESULT_PREFIX = "RESULT ";

    private LargeIngest() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: LargeIngest FILE");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long size = Files.size(file);
        try (HeapWatcher heap = new HeapWatcher(); PipeStore store = PipeStore.open(StoreConfig.fromEnv())) {
            long start = System.nanoTime();
            AudioFile stored = store.audio().ingest(file, AudioUpload.named("large.wav"));
            long nanos = System.nanoTime() - start;
            long peak = heap.peakBytes();
            if (stored.fileSize() != size) {
                throw new IllegalStateException("stored " + stored.fileSize() + " bytes of a " + size + "-byte file");
            }
            // Free the disk space at once: two more copies of 2 GiB (object and the S3 server's) would otherwise linger.
            store.audio().delete(stored.id());
            System.out.println(RESULT_PREFIX + "nanos=" + nanos + " peakHeapBytes=" + peak
                    + " maxHeapBytes=" + Runtime.getRuntime().maxMemory() + " bytes=" + stored.fileSize()
                    + " seconds=" + stored.durationPrecise() + " sha256=" + stored.contentSha256()
                    + " gc=" + collectors());
        }
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .map(n -> n.replace(' ', '_')).collect(Collectors.joining(","));
    }
}
