package dev.pipestore.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.catalog.ApiKey;
import dev.pipestore.catalog.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            // Five turns take 2.5 s; callers that start after a shared look-up ended may run one more each, rarely.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_400));
        }
        assertThat(lookUps.get()).isBetween(1, 3);
    }

    /** A revocation while a look-up runs: the look-up read the key before it, and must not bring it back for the TTL. */
    @Test
    void aKeyForgottenWhileItsLookUpRunsIsNotRememberedFromThatLookUp() throws Exception {
        VerifiedKeys keys = new VerifiedKeys(Duration.ofSeconds(30));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch forgotten = new CountDownLatch(1);
        ApiKey active = new ApiKey(java.util.UUID.randomUUID(), "k", Role.READ, "a".repeat(64), "ps_abcde", Instant.EPOCH,
                null, null);
        try (ExecutorService caller = Executors.newSingleThreadExecutor()) {
            Future<Optional<ApiKey>> stale = caller.submit(() -> keys.get(active.keyHash(), hash -> {
                reading.countDown();
                await(forgotten);
                return Optional.of(active); // read before the revocation committed
            }));
            assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();

            keys.forget(active.keyHash());
            forgotten.countDown();

            assertThat(stale.get()).contains(active);
        }
        AtomicInteger lookUps = new AtomicInteger();
        assertThat(keys.get(active.keyHash(), hash -> {
            lookUps.incrementAndGet();
            return Optional.empty();
        })).as("asked the catalog again, which knows the revocation").isEmpty();
        assertThat(lookUps.get()).isEqualTo(1);
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
            return Optional.empty();
        });
        keys.get("up", hash -> {
            throw new AssertionError("remembered");
        });

        assertThat(lookUps.get()).isEqualTo(4);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
