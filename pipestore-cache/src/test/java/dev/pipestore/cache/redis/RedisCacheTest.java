package dev.pipestore.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheContract;
import dev.pipestore.testing.redis.RedisPrefix;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cache contract against the shared loopback Redis, each run under its own key prefix, plus Redis specifics. */
class RedisCacheTest extends CacheContract {

    @RegisterExtension
    static final RedisPrefix PREFIX = RedisPrefix.onSharedRedis();

    private static RedisClient rawClient;
    private static StatefulRedisConnection<String, String> rawConnection;
    private static RedisCommands<String, String> raw;

    @BeforeAll
    static void connectRaw() {
        rawClient = RedisClient.create(RedisURI.create(PREFIX.host(), PREFIX.port()));
        rawConnection = rawClient.connect();
        raw = rawConnection.sync();
    }

    @AfterAll
    static void disconnectRaw() {
        rawConnection.close();
        rawClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private final Map<Cache, String> prefixes = new IdentityHashMap<>();

    private static String prefixOf(String namespace) {
        return PREFIX.value() + namespace + ":";
    }

    @Override
    protected Cache open(String namespace) {
        Cache cache = RedisCache.open(RedisSettings.of(PREFIX.host(), PREFIX.port(), prefixOf(namespace)));
        prefixes.put(cache, prefixOf(namespace));
        return cache;
    }

    @Override
    protected Optional<Duration> remainingTtl(Cache cache, String key) {
        long millis = raw.pttl(prefixes.get(cache) + key);
        return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }

    @Test
    void storesCompactJsonUnderThePrefixedKey() {
        Cache cache = openTracked("layout");
        cache.put("result/42", json("{ \"text\" : \"hello\",  \"scores\" : [ 1, 2 ] }"));
        assertThat(raw.get(prefixOf("layout") + "result/42")).isEqualTo("{\"text\":\"hello\",\"scores\":[1,2]}");
        assertThat(raw.exists("result/42")).isZero();
    }

    @Test
    void readsAValueWrittenByAnotherClientAsJson() {
        Cache cache = openTracked("interop");
        raw.set(prefixOf("interop") + "from-python", "{\"lang\":\"de\"}", SetArgs.Builder.ex(60));
        assertThat(cache.get("from-python")).contains(json("{\"lang\":\"de\"}"));
    }

    @Test
    void aValueThatIsNotJsonIsAMissAndCountsAsAnError() {
        Cache cache = openTracked("garbage");
        raw.set(prefixOf("garbage") + "k", "not json {", SetArgs.Builder.ex(60));
        assertThat(cache.get("k")).isEmpty();
        assertThat(cache.stats().errors()).isEqualTo(1);
    }

    @Test
    void fractionalSecondTtlIsKeptToTheMillisecond() {
        Cache cache = openTracked("fraction");
        cache.put("k", IntNode.valueOf(1), Duration.ofMillis(2500));
        assertThat(raw.pttl(prefixOf("fraction") + "k")).isBetween(2000L, 2500L);
    }

    @Test
    void describeNamesHostPortDatabaseAndPrefix() {
        try (Cache cache = RedisCache.open(RedisSettings.of("127.0.0.1", PREFIX.port(), "pipestore:"))) {
            assertThat(cache.describe()).isEqualTo("redis 127.0.0.1:" + PREFIX.port() + " db 0 prefix pipestore:");
        }
    }

    @Test
    void usesTheConfiguredDatabase() {
        RedisSettings settings = new RedisSettings(PREFIX.host(), PREFIX.port(), 1, null, false, prefixOf("db1"),
                RedisSettings.DEFAULT_COMMAND_TIMEOUT);
        try (Cache cache = RedisCache.open(settings)) {
            cache.put("k", IntNode.valueOf(1), Duration.ofSeconds(30));
            assertThat(raw.exists(prefixOf("db1") + "k")).isZero();
            assertThat(cache.get("k")).contains(IntNode.valueOf(1));
            assertThat(cache.delete("k")).isTrue();
        }
    }
}
