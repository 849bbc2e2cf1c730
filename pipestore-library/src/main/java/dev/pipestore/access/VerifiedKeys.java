package dev.pipestore.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.pipestore.catalog.ApiKey;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A short in-process memory of catalog look-ups by key hash, so that a busy key costs one catalog read per
 * {@code ttl} instead of one per request. Hits and misses are both kept (a flood of one unknown key does not reach the
 * catalog either), each for at most {@code ttl} from its look-up, never longer: a key revoked by another process stops
 * working here within {@code ttl}, one revoked through this process at once. Entries are keyed by the SHA-256 of the
 * secret, never the secret.
 */
final class VerifiedKeys {

    /** Enough for every key of a deployment; bounds what a stream of random unknown keys can occupy. */
    static final long MAX_ENTRIES = 10_000;

    private final Cache<String, Optional<ApiKey>> cache;
    private final Map<String, CompletableFuture<Optional<ApiKey>>> inFlight = new ConcurrentHashMap<>();

    /** {@code ttl} zero: no memory at all, every look-up goes to the catalog. */
    VerifiedKeys(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative, got " + ttl);
        }
        this.cache = ttl.isZero() ? null : Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfter(lifetime(ttl)).build();
    }

    /**
     * The remembered answer for {@code hash}, or {@code lookUp}'s, remembered from now on. Callers that ask for a hash
     * while its look-up runs share that look-up's outcome, a failure included: while the catalog stalls, a burst of
     * requests with one key waits out one query timeout, not one each in turn.
     */
    Optional<ApiKey> get(String hash, Function<String, Optional<ApiKey>> lookUp) {
        if (cache == null) {
            return lookUp.apply(hash);
        }
        Optional<ApiKey> known = cache.getIfPresent(hash);
        if (known != null) {
            return known;
        }
        CompletableFuture<Optional<ApiKey>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ApiKey>> running = inFlight.putIfAbsent(hash, mine);
        if (running != null) {
            return outcomeOf(running);
        }
        try {
            Optional<ApiKey> found = lookUp.apply(hash);
            // Remembered only while this look-up is still the registered one: a forget (a revocation) that came
            // meanwhile took it out, and the answer read before it must not come back for the TTL.
            inFlight.computeIfPresent(hash, (h, registered) -> {
                if (registered == mine) {
                    cache.put(h, found);
                    return null;
                }
                return registered;
            });
            mine.complete(found);
            return found;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(hash, mine);
        }
    }

    private static Optional<ApiKey> outcomeOf(CompletableFuture<Optional<ApiKey>> lookUp) {
        try {
            return lookUp.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Replaces a remembered key with a newer copy of it, without extending how long it is remembered. */
    void refresh(ApiKey key) {
        if (cache != null) {
            cache.asMap().computeIfPresent(key.keyHash(), (hash, old) -> Optional.of(key));
        }
    }

    /** Forgets {@code hash}, and what a look-up of it still running finds: the next look-up goes to the catalog. */
    void forget(String hash) {
        if (cache != null) {
            inFlight.compute(hash, (h, running) -> {
                cache.invalidate(h);
                return null;
            });
        }
    }

    /** Lives {@code ttl} from the look-up; a refresh (a newer last-used time) keeps the remaining time, never resets it. */
    private static Expiry<String, Optional<ApiKey>> lifetime(Duration ttl) {
        long nanos = ttl.toNanos();
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String hash, Optional<ApiKey> key, long currentTime) {
                return nanos;
            }

            @Override
            public long expireAfterUpdate(String hash, Optional<ApiKey> key, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String hash, Optional<ApiKey> key, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }
}
