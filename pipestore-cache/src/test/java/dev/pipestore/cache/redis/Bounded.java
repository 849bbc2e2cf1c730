package dev.pipestore.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Timing helpers for the outage tests: every wait has a limit, every slow call fails the test. */
final class Bounded {

    private Bounded() {}

    /** Runs {@code call} and fails when it took longer than {@code limit}. */
    static <T> T within(Duration limit, String what, Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("%s took %d ms", what, took.toMillis()).isLessThan(limit);
        return result;
    }

    /** Polls {@code condition} every 50 ms until it holds; fails when it does not within {@code limit}. */
    static void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " did not happen within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
