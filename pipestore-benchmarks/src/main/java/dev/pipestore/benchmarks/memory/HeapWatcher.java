package dev.pipestore.benchmarks.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls the heap's used bytes every few milliseconds on a daemon thread and keeps the largest value seen: the peak
 * including garbage not yet collected, which is what has to fit under {@code -Xmx}.
 */
final class HeapWatcher implements AutoCloseable {

    private static final long POLL_MILLIS = 5;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapWatcher() {
        thread = new Thread(this::poll, "heap-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    long peakBytes() {
        sample();
        return peak.get();
    }

    private void poll() {
        while (running) {
            sample();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
