package dev.pipestore.cache.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.pipestore.StoreException;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheStats;
import dev.pipestore.cache.internal.CacheArguments;
import dev.pipestore.cache.internal.CacheCounters;
import dev.pipestore.catalog.Metadata;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** The embedded cache: an in-process, size-bounded Caffeine cache with a time to live per entry. */
public final class LocalCache implements Cache {

    /** What is kept per key: the compact JSON text in UTF-8 (never handed out itself) and how long it may live. */
    private record Entry(byte[] json, long ttlNanos) {}

    private final long maximumSize;
    private final com.github.benmanes.caffeine.cache.Cache<String, Entry> entries;
    private final CacheCounters counters = new CacheCounters();
    private volatile boolean closed;

    /** An empty cache holding at most {@code maximumSize} entries, least useful first out. */
    public LocalCache(long maximumSize) {
        this(maximumSize, Ticker.systemTicker());
    }

    /** With an injected clock, so that tests can see an hour pass without waiting for it. */
    LocalCache(long maximumSize, Ticker ticker) {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1, was " + maximumSize);
        }
        this.maximumSize = maximumSize;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new PerEntryTtl())
                .ticker(ticker)
                // Housekeeping on the calling thread: no background work to outlive close(), and eviction is prompt.
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Optional<JsonNode> get(String key) {
        requireOpen("get");
        Entry entry = entries.getIfPresent(CacheArguments.checkKey(key));
        if (entry == null) {
            counters.miss();
            return Optional.empty();
        }
        try {
            JsonNode value = Metadata.MAPPER.readTree(entry.json());
            counters.hit();
            return Optional.of(value);
        } catch (IOException e) {
            // Only putUtf8 stores bytes unparsed; like Redis, bytes that are not JSON are a miss.
            counters.miss();
            counters.error();
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> getUtf8(String key) {
        requireOpen("getUtf8");
        Entry entry = entries.getIfPresent(CacheArguments.checkKey(key));
        if (entry == null) {
            counters.miss();
            return Optional.empty();
        }
        counters.hit();
        return Optional.of(entry.json().clone());
    }

    @Override
    public boolean put(String key, JsonNode value, Duration ttl) {
        requireOpen("put");
        CacheArguments.checkKey(key);
        // Kept as text, not as the tree: callers cannot mutate a cached value through a shared reference, and a
        // value reads back exactly as it would from Redis (numbers included).
        return putUtf8(key, Metadata.toUtf8(CacheArguments.checkValue(value)), ttl);
    }

    @Override
    public boolean putUtf8(String key, byte[] json, Duration ttl) {
        requireOpen("putUtf8");
        CacheArguments.checkKey(key);
        CacheArguments.checkJson(json);
        CacheArguments.checkTtl(ttl);
        entries.put(key, new Entry(json, ttl.toNanos()));
        return true;
    }

    @Override
    public Fill putUtf8IfAbsent(String key, byte[] json, Duration ttl) {
        requireOpen("putUtf8IfAbsent");
        CacheArguments.checkKey(key);
        CacheArguments.checkJson(json);
        CacheArguments.checkTtl(ttl);
        // Caffeine's map view takes an expired entry for an absent one, as Redis does.
        return entries.asMap().putIfAbsent(key, new Entry(json, ttl.toNanos())) == null ? Fill.STORED : Fill.PRESENT;
    }

    @Override
    public boolean delete(String key) {
        requireOpen("delete");
        entries.invalidate(CacheArguments.checkKey(key));
        return true;
    }

    /** How long {@code key} has left, like Redis TTL; empty when it is absent or expired. */
    Optional<Duration> timeToLive(String key) {
        return entries.policy().expireVariably().flatMap(policy -> policy.getExpiresAfter(key));
    }

    @Override
    public void ping() {
        requireOpen("ping");
        // In-process: always answers.
    }

    @Override
    public String describe() {
        return "in-process (max " + maximumSize + " entries)";
    }

    @Override
    public CacheStats stats() {
        return counters.snapshot();
    }

    /** After {@link #close}, a call is the caller's mistake: say so, rather than fail as an outage or go on working. */
    private void requireOpen(String operation) {
        if (closed) {
            throw new StoreException("cache " + describe() + " is closed; cannot " + operation);
        }
    }

    @Override
    public void close() {
        closed = true;
        entries.invalidateAll();
    }

    /** Each entry lives for the time to live it was put with; reading it does not extend it. */
    private static final class PerEntryTtl implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return entry.ttlNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return entry.ttlNanos();
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
