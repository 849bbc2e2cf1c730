package dev.pipestore.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one store in a registry. Every pipestore meter is made here, so closing the store removes them again:
 * a registry the caller passed in outlives the store and must not keep gauges reading its closed backends.
 */
public final class StoreMeters implements AutoCloseable {

    /** Latency buckets of the histograms: object-store and HTTP calls take from about a millisecond to a minute. */
    private static final Duration SHORTEST = Duration.ofMillis(1);
    private static final Duration LONGEST = Duration.ofSeconds(60);

    private final MeterRegistry registry;
    private final boolean ownsRegistry;
    private final Queue<Meter> made = new ConcurrentLinkedQueue<>();

    /** @param ownsRegistry whether {@link #close()} also closes the registry (true when the store created it) */
    public StoreMeters(MeterRegistry registry, boolean ownsRegistry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ownsRegistry = ownsRegistry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A timer; with {@code histogram} it publishes buckets from 1 ms to 60 s so quantiles can be aggregated. */
    public Timer timer(String name, String description, Tags tags, boolean histogram) {
        Timer.Builder builder = Timer.builder(name).description(description).tags(tags);
        if (histogram) {
            builder.publishPercentileHistogram().minimumExpectedValue(SHORTEST).maximumExpectedValue(LONGEST);
        }
        return remember(builder.register(registry));
    }

    public Counter counter(String name, String description, String baseUnit, Tags tags) {
        return remember(Counter.builder(name).description(description).baseUnit(baseUnit).tags(tags).register(registry));
    }

    /** A counter read from {@code state} at each scrape, for counts something else keeps. */
    public <T> FunctionCounter functionCounter(String name, String description, Tags tags, T state, ToDoubleFunction<T> count) {
        return remember(FunctionCounter.builder(name, state, count).description(description).tags(tags).register(registry));
    }

    public <T> Gauge gauge(String name, String description, String baseUnit, Tags tags, T state, ToDoubleFunction<T> value) {
        return remember(Gauge.builder(name, state, value).description(description).baseUnit(baseUnit).tags(tags)
                .strongReference(true).register(registry));
    }

    private <M extends Meter> M remember(M meter) {
        made.add(meter);
        return meter;
    }

    /** Removes every meter made here from the registry, and closes the registry when the store made it. */
    @Override
    public void close() {
        for (Meter meter; (meter = made.poll()) != null; ) {
            registry.remove(meter);
        }
        if (ownsRegistry) {
            registry.close();
        }
    }
}
