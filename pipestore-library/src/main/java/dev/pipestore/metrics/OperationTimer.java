package dev.pipestore.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The timers of one operation, one per {@link Outcome}, each made once and kept, so recording never builds tags or
 * looks up the registry. Made on first use, except success when asked to be made up front (so its series exists
 * from the start, for operations every store performs).
 */
final class OperationTimer {

    private static final Outcome[] OUTCOMES = Outcome.values();

    private final StoreMeters meters;
    private final String name;
    private final String description;
    private final Tags tags;
    private final boolean histogram;
    private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(OUTCOMES.length);

    OperationTimer(StoreMeters meters, String name, String description, Tags tags, boolean histogram, boolean eager) {
        this.meters = meters;
        this.name = name;
        this.description = description;
        this.tags = tags;
        this.histogram = histogram;
        if (eager) {
            timer(Outcome.SUCCESS);
        }
    }

    /** Records a success that started at {@code startNanos} ({@link System#nanoTime()}). */
    void success(long startNanos) {
        timer(Outcome.SUCCESS).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    /** Records a success and passes {@code result} on. */
    <T> T succeeded(long startNanos, T result) {
        success(startNanos);
        return result;
    }

    /** Records a failure that started at {@code startNanos}, under the outcome its exception stands for. */
    void failure(long startNanos, Throwable failure) {
        long elapsed = System.nanoTime() - startNanos;
        timer(Outcome.of(failure)).record(elapsed, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Outcome outcome) {
        Timer timer = timers.get(outcome.ordinal());
        if (timer == null) {
            // Two threads may both get here; the registry hands both the same timer.
            timer = meters.timer(name, description, tags.and("outcome", outcome.tag()), histogram);
            timers.set(outcome.ordinal(), timer);
        }
        return timer;
    }
}
