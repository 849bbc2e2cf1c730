package dev.pipestore.cache.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.BackendUnavailableException;
import dev.pipestore.StoreException;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheStats;
import dev.pipestore.cache.internal.CacheArguments;
import dev.pipestore.cache.internal.CacheCounters;
import dev.pipestore.catalog.Metadata;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache in Redis, through Lettuce: compact JSON in UTF-8 under {@code keyPrefix + key} with an expiry (SET EX).
 * When Redis is down or slow, calls answer with a miss within the command timeout, and skip Redis for a second after a
 * failure.
 */
public final class RedisCache implements Cache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCache.class);

    /** How long calls skip Redis after a failure before one call tries it again. */
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    /** How often a continuing outage is logged again. */
    static final Duration REPORT_INTERVAL = Duration.ofSeconds(30);

    private final RedisSettings settings;
    private final CacheCounters counters = new CacheCounters();
    private final CircuitBreaker breaker = new CircuitBreaker(RETRY_INTERVAL, System::nanoTime);
    private final OutageLog outages;
    private final RedisConnector connector;
    private volatile boolean closed;

    private RedisCache(RedisSettings settings) {
        this.settings = settings;
        this.outages = new OutageLog(LOG, settings.address(), REPORT_INTERVAL, System::nanoTime);
        this.connector = new RedisConnector(settings, failure -> {
            breaker.recordFailure();
            outages.failure("connect", failure);
        });
    }

    /**
     * Connects to Redis, waiting at most 1 s (or the command timeout, if longer); never fails because Redis is down
     * or refuses the password:
     * the cache then answers with misses, logs why, and connects by itself once Redis can be reached.
     */
    public static RedisCache open(RedisSettings settings) {
        RedisCache cache = new RedisCache(settings);
        try {
            cache.connector.awaitConnection();
        } catch (RedisException e) {
            // Already logged and counted by the connector's failure callback, or still pending (a silent network).
        }
        return cache;
    }

    @Override
    public Optional<JsonNode> get(String key) {
        requireOpen("get");
        byte[] json = fetch(key);
        if (json == null) {
            counters.miss();
            return Optional.empty();
        }
        try {
            JsonNode value = Metadata.MAPPER.readTree(json);
            counters.hit();
            return Optional.of(value);
        } catch (IOException e) {
            // Something other than pipestore wrote under our prefix; a miss is the honest answer.
            counters.miss();
            counters.error();
            LOG.warn("Cache redis {} holds a value that is not JSON under key {}; treated as a miss",
                    settings.address(), settings.keyPrefix() + key);
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> getUtf8(String key) {
        requireOpen("getUtf8");
        byte[] json = fetch(key);
        if (json == null) {
            counters.miss();
            return Optional.empty();
        }
        counters.hit();
        return Optional.of(json);
    }

    /** The bytes under {@code key}, or {@code null} when it is absent or Redis did not answer. */
    private byte[] fetch(String key) {
        String redisKey = settings.keyPrefix() + CacheArguments.checkKey(key);
        return call("get", redis -> redis.get(redisKey), null);
    }

    @Override
    public boolean put(String key, JsonNode value, Duration ttl) {
        requireOpen("put");
        CacheArguments.checkKey(key);
        return putUtf8(key, Metadata.toUtf8(CacheArguments.checkValue(value)), ttl);
    }

    @Override
    public boolean putUtf8(String key, byte[] json, Duration ttl) {
        requireOpen("putUtf8");
        String redisKey = settings.keyPrefix() + CacheArguments.checkKey(key);
        CacheArguments.checkJson(json);
        CacheArguments.checkTtl(ttl);
        return call("put", redis -> "OK".equals(redis.set(redisKey, json, expiry(ttl))), false);
    }

    @Override
    public Fill putUtf8IfAbsent(String key, byte[] json, Duration ttl) {
        requireOpen("putUtf8IfAbsent");
        String redisKey = settings.keyPrefix() + CacheArguments.checkKey(key);
        CacheArguments.checkJson(json);
        CacheArguments.checkTtl(ttl);
        // SET NX answers nil, not OK, when the key exists.
        return call("put", redis -> "OK".equals(redis.set(redisKey, json, expiry(ttl).nx())) ? Fill.STORED : Fill.PRESENT,
                Fill.DROPPED);
    }

    /**
     * SET EX is the seed's SETEX (deprecated in its own name); a fractional second goes to PX so that it is honoured
     * rather than truncated.
     */
    private static SetArgs expiry(Duration ttl) {
        return ttl.getNano() == 0 ? SetArgs.Builder.ex(ttl.toSeconds()) : SetArgs.Builder.px(ttl.toMillis());
    }

    @Override
    public boolean delete(String key) {
        requireOpen("delete");
        String redisKey = settings.keyPrefix() + CacheArguments.checkKey(key);
        return call("delete", redis -> {
            redis.del(redisKey);
            return true;
        }, false);
    }

    @Override
    public void ping() {
        requireOpen("ping");
        try {
            connector.awaitConnection().sync().ping();
        } catch (RedisException e) {
            throw new BackendUnavailableException("cache redis " + settings.address(), RedisFailures.explain(e), e);
        }
        if (breaker.recordSuccess()) {
            outages.recovered();
        }
    }

    @Override
    public String describe() {
        return "redis " + settings.address() + " db " + settings.database() + " prefix " + settings.keyPrefix()
                + (settings.tls() ? " tls" : "");
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
        connector.close();
    }

    /** Runs one command unless the breaker says skip; any Redis failure becomes {@code fallback}, never an exception. */
    private <T> T call(String operation, Function<RedisCommands<String, byte[]>, T> command, T fallback) {
        if (!breaker.allowsCall()) {
            counters.error();
            return fallback;
        }
        try {
            T result = command.apply(connector.commands());
            if (breaker.recordSuccess()) {
                outages.recovered();
            }
            return result;
        } catch (RedisCommandInterruptedException e) {
            // The caller was interrupted (Lettuce keeps the flag); Redis is not at fault, so the breaker stays shut.
            counters.error();
            return fallback;
        } catch (RedisException e) {
            counters.error();
            breaker.recordFailure();
            outages.failure(operation, e);
            return fallback;
        }
    }
}
