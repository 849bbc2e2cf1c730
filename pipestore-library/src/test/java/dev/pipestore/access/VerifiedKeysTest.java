package dev.pipestore.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.BackendUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifiedKeysTest {

    /** A stalled catalog: each look-up waits out its timeout and fails. Requests with one key must not queue behind it. */
    @Test
    void callersOfAHashWhoseLookUpIsRunningShareItsFailureInsteadOfRunningOneEachInTurn() throws Exception {
        VerifiedKeys keys = new VerifiedKeys(Duration.ofSeconds(5));
        AtomicInteger lookUps = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(5);
        List<Future<Throwable>> outcomes = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(5)) {
            for (int i = 0; i < 5; i++) {
                outcomes.add(callers.submit(() -> {
                    allAsking.countDown();
                    allAsking.await();
                    try {
                        keys.get("hash", hash -> {
                            lookUps.incrementAndGet();
                            sleep(Duration.ofMillis(500));
                            throw new BackendUnavailableException("catalog test", "query timed out", null);
                        });
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            long start = System.nanoTime();
            for (Future<Throwable> outcome : outcomes) {
                assertThat(outcome.get()).isInstanceOf(BackendUnavailableException.class);
            }
            // Five turns would take 2.5 s; one shared look-up, and a straggler that starts after it, at most two.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_400));
        }
        assertThat(lookUps.get()).isBetween(1, 2);
    }

    @Test
    void aFoundKeyIsRememberedAndAFailureIsNot() {
        VerifiedKeys keys = new VerifiedKeys(Duration.ofSeconds(5));
        AtomicInteger lookUps = new AtomicInteger();

        for (int i = 0; i < 3; i++) {
            try {
                keys.get("down", hash -> {
                    lookUps.incrementAndGet();
                    throw new BackendUnavailableException("catalog test", "down", null);
                });
            } catch (BackendUnavailableException expected) {
                // each call tries again
            }
        }
        keys.get("up", hash -> {
            lookUps.incrementAndGet();
            return java.util.Optional.empty();
        });
        keys.get("up", hash -> {
            throw new AssertionError("remembered");
        });

        assertThat(lookUps.get()).isEqualTo(4);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
