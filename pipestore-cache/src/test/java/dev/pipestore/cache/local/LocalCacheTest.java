package dev.pipestore.cache.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheContract;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cache contract for the in-process cache, plus its clock and size bound. */
class LocalCacheTest extends CacheContract {

    @Override
    protected Cache open(String namespace) {
        return new LocalCache(10_000);
    }

    @Override
    protected Optional<Duration> remainingTtl(Cache cache, String key) {
        return ((LocalCache) cache).timeToLive(key);
    }

    @Test
    void entryWithTheDefaultTtlLivesExactlyOneHourOnItsClock() {
        AtomicLong nanos = new AtomicLong();
        Ticker ticker = nanos::get;
        try (LocalCache cache = new LocalCache(100, ticker)) {
            cache.put("k", IntNode.valueOf(1));
            nanos.addAndGet(Duration.ofSeconds(3599).toNanos());
            assertThat(cache.get("k")).isPresent();
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            assertThat(cache.get("k")).isEmpty();
        }
    }

    @Test
    void readingAnEntryDoesNotExtendItsLife() {
        AtomicLong nanos = new AtomicLong();
        try (LocalCache cache = new LocalCache(100, nanos::get)) {
            cache.put("k", IntNode.valueOf(1), Duration.ofSeconds(10));
            nanos.addAndGet(Duration.ofSeconds(9).toNanos());
            assertThat(cache.get("k")).isPresent();
            nanos.addAndGet(Duration.ofSeconds(2).toNanos());
            assertThat(cache.get("k")).isEmpty();
        }
    }

    @Test
    void holdsNoMoreThanItsMaximumSize() {
        try (LocalCache cache = new LocalCache(10)) {
            IntStream.range(0, 200).forEach(i -> cache.put("k" + i, IntNode.valueOf(i)));
            long present = IntStream.range(0, 200).filter(i -> cache.get("k" + i).isPresent()).count();
            assertThat(present).isBetween(1L, 10L);
        }
    }

    @Test
    void changingAValueAfterPutOrGetDoesNotChangeTheCachedValue() {
        try (LocalCache cache = new LocalCache(10)) {
            ObjectNode value = json("{\"v\":1}").deepCopy();
            cache.put("k", value);
            value.put("v", 2);
            ((ObjectNode) cache.get("k").orElseThrow()).put("v", 3);
            assertThat(cache.get("k")).contains(json("{\"v\":1}"));
        }
    }

    @Test
    void describeSaysInProcessWithItsBound() {
        try (LocalCache cache = new LocalCache(500)) {
            assertThat(cache.describe()).isEqualTo("in-process (max 500 entries)");
        }
    }
}
