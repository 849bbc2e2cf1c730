package dev.pipestore.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheStats;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A cache that times every call: gets by {@code hit} or {@code miss}, puts and deletes by {@code success} or
 * {@code dropped} (the backend was down; the port never fails its caller), and a put-if-absent that found a value
 * there by {@code present}. The adapter's own error count is exported
 * beside them, since a get that failed at the backend looks like a miss from here.
 */
public final class MeteredCache implements Cache {

    static final String OPERATIONS = "pipestore.cache.operations";
    static final String ERRORS = "pipestore.cache.errors";
    private static final String DESCRIPTION = "Cache calls by operation, backend and outcome";

    private final Cache delegate;
    private final Timer hit;
    private final Timer miss;
    private final Timer putStored;
    private final Timer putDropped;
    private final Timer putPresent;
    private final Timer deleted;
    private final Timer deleteDropped;
    private final OperationTimer getFailed;
    private final OperationTimer putFailed;
    private final OperationTimer deleteFailed;

    /** @param backend the {@code backend} tag: {@code redis} or {@code in_process} */
    public MeteredCache(Cache delegate, String backend, StoreMeters meters) {
        this.delegate = delegate;
        Tags tags = Tags.of("backend", backend);
        this.hit = timer(meters, tags, "get", "hit");
        this.miss = timer(meters, tags, "get", "miss");
        this.putStored = timer(meters, tags, "put", "success");
        this.putDropped = timer(meters, tags, "put", "dropped");
        this.putPresent = timer(meters, tags, "put", "present");
        this.deleted = timer(meters, tags, "delete", "success");
        this.deleteDropped = timer(meters, tags, "delete", "dropped");
        // Only a refused argument (an invalid key) throws; its timer is made if it ever happens.
        this.getFailed = new OperationTimer(meters, OPERATIONS, DESCRIPTION, tags.and("operation", "get"), false, false);
        this.putFailed = new OperationTimer(meters, OPERATIONS, DESCRIPTION, tags.and("operation", "put"), false, false);
        this.deleteFailed = new OperationTimer(meters, OPERATIONS, DESCRIPTION, tags.and("operation", "delete"), false, false);
        meters.functionCounter(ERRORS, "Cache calls that failed at the backend or skipped it while it was down", tags,
                delegate, cache -> cache.stats().errors());
    }

    private static Timer timer(StoreMeters meters, Tags tags, String operation, String outcome) {
        return meters.timer(OPERATIONS, DESCRIPTION, tags.and("operation", operation).and("outcome", outcome), false);
    }

    @Override
    public Optional<JsonNode> get(String key) {
        return timedGet(() -> delegate.get(key));
    }

    @Override
    public Optional<byte[]> getUtf8(String key) {
        return timedGet(() -> delegate.getUtf8(key));
    }

    private <T> Optional<T> timedGet(Supplier<Optional<T>> get) {
        long start = System.nanoTime();
        Optional<T> value;
        try {
            value = get.get();
        } catch (RuntimeException e) {
            getFailed.failure(start, e);
            throw e;
        }
        (value.isPresent() ? hit : miss).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return value;
    }

    @Override
    public boolean put(String key, JsonNode value, Duration ttl) {
        return timedPut(() -> delegate.put(key, value, ttl));
    }

    @Override
    public boolean putUtf8(String key, byte[] json, Duration ttl) {
        return timedPut(() -> delegate.putUtf8(key, json, ttl));
    }

    private boolean timedPut(BooleanSupplier put) {
        long start = System.nanoTime();
        boolean stored;
        try {
            stored = put.getAsBoolean();
        } catch (RuntimeException e) {
            putFailed.failure(start, e);
            throw e;
        }
        (stored ? putStored : putDropped).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return stored;
    }

    @Override
    public Fill putUtf8IfAbsent(String key, byte[] json, Duration ttl) {
        long start = System.nanoTime();
        Fill fill;
        try {
            fill = delegate.putUtf8IfAbsent(key, json, ttl);
        } catch (RuntimeException e) {
            putFailed.failure(start, e);
            throw e;
        }
        Timer outcome = switch (fill) {
            case STORED -> putStored;
            case PRESENT -> putPresent;
            case DROPPED -> putDropped;
        };
        outcome.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return fill;
    }

    @Override
    public boolean delete(String key) {
        long start = System.nanoTime();
        boolean reached;
        try {
            reached = delegate.delete(key);
        } catch (RuntimeException e) {
            deleteFailed.failure(start, e);
            throw e;
        }
        (reached ? deleted : deleteDropped).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return reached;
    }

    @Override
    public void ping() {
        delegate.ping();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public CacheStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Metered[" + delegate + "]";
    }
}
