package dev.pipestore.benchmarks.driver;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an {@link Operation} on a fixed number of threads for a fixed time, counts completions and records each one's
 * latency (end of the previous operation on that thread to end of this one, the loop's own check included). Every load is
 * bounded twice: by the window's length and by a maximum number of operations; a thread stuck past the window plus a
 * grace period fails the run instead of hanging it.
 */
public final class LoadDriver {

    /** How long in-flight operations may run past the window before the load counts as hung. */
    static final Duration GRACE = Duration.ofSeconds(60);

    private final long maxOperations;

    /** @param maxOperations a cap no window reaches on a healthy machine; it bounds a runaway load */
    public LoadDriver(long maxOperations) {
        this.maxOperations = maxOperations;
    }

    /** Runs {@code operation} on {@code threads} threads for {@code window}; the first failure ends the run. */
    public Window run(Operation operation, int threads, Duration window) throws InterruptedException {
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong started = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        long[] deadline = new long[1];
        List<Thread> workers = new ArrayList<>(threads);
        LatencyHistogram[] latencies = new LatencyHistogram[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            LatencyHistogram mine = latencies[t] = new LatencyHistogram();
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    long now = System.nanoTime();
                    while (now < deadline[0] && failure.get() == null && started.getAndIncrement() < maxOperations) {
                        operation.run(index);
                        long end = System.nanoTime();
                        mine.record(end - now);
                        now = end;
                        completed.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "bench-load-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        long cpuBefore = process.getProcessCpuTime();
        long start = System.nanoTime();
        deadline[0] = start + window.toNanos();
        go.countDown(); // the latch publishes deadline[0] to the workers
        if (!done.await(window.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
            workers.forEach(Thread::interrupt);
            throw new IllegalStateException("load threads still busy " + GRACE.toSeconds() + " s after a " + window.toSeconds()
                    + " s window; an operation hangs");
        }
        long elapsed = System.nanoTime() - start;
        long cpu = process.getProcessCpuTime() - cpuBefore;
        if (failure.get() != null) {
            throw new IllegalStateException("an operation failed after " + completed.get() + " completions: " + failure.get(),
                    failure.get());
        }
        if (completed.get() == 0) {
            throw new IllegalStateException("no operation completed in " + window.toSeconds() + " s");
        }
        LatencyHistogram merged = new LatencyHistogram();
        for (LatencyHistogram latency : latencies) {
            merged.add(latency); // the done latch orders each worker's last record before this read
        }
        return new Window(completed.get(), elapsed, cpu, merged);
    }
}
