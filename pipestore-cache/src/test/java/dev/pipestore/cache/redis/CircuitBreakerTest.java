package dev.pipestore.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker on a hand-driven clock: skip after a failure, one probe per interval, closed again on success. */
class CircuitBreakerTest {

    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(1), nanos::get);

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void letsEveryCallThroughUntilAFailure() {
        for (int i = 0; i < 5; i++) {
            assertThat(breaker.allowsCall()).isTrue();
        }
        assertThat(breaker.recordSuccess()).as("no outage ended").isFalse();
    }

    @Test
    void skipsCallsForOneIntervalAfterAFailureThenLetsExactlyOneProbeThrough() {
        breaker.recordFailure();
        assertThat(breaker.allowsCall()).isFalse();
        advance(Duration.ofMillis(999));
        assertThat(breaker.allowsCall()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(breaker.allowsCall()).as("the probe").isTrue();
        assertThat(breaker.allowsCall()).as("a second caller while the probe runs").isFalse();
    }

    @Test
    void aFailedProbeOpensItForAnotherInterval() {
        breaker.recordFailure();
        advance(Duration.ofSeconds(1));
        assertThat(breaker.allowsCall()).isTrue();
        breaker.recordFailure();
        advance(Duration.ofMillis(500));
        assertThat(breaker.allowsCall()).isFalse();
        advance(Duration.ofMillis(500));
        assertThat(breaker.allowsCall()).isTrue();
    }

    @Test
    void aSuccessfulProbeClosesItAndReportsTheEndOfTheOutageOnce() {
        breaker.recordFailure();
        advance(Duration.ofSeconds(1));
        assertThat(breaker.allowsCall()).isTrue();
        assertThat(breaker.recordSuccess()).isTrue();
        assertThat(breaker.recordSuccess()).isFalse();
        assertThat(breaker.allowsCall()).isTrue();
        assertThat(breaker.allowsCall()).isTrue();
    }
}
