package dev.pipestore.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import dev.pipestore.config.CacheConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Redis settings are checked when made and never print their password. */
class RedisSettingsTest {

    @Test
    void toStringHidesThePassword() {
        RedisSettings settings = RedisSettings.of("redis.internal", 6380, "p:").withPassword("hunter2-secret");
        assertThat(settings.toString()).doesNotContain("hunter2-secret").contains("password=***", "redis.internal");
        assertThat(RedisSettings.of("h", 1, "p:").toString()).contains("password=none");
    }

    @Test
    void copiesEveryConfiguredValue() {
        RedisSettings settings = RedisSettings.of(new CacheConfig.Redis("cache.example", 6390, 3, "pw", true, "x:"));
        assertThat(settings).isEqualTo(new RedisSettings("cache.example", 6390, 3, "pw", true, "x:",
                RedisSettings.DEFAULT_COMMAND_TIMEOUT));
    }

    @Test
    void refusesImpossibleValuesNamingTheField() {
        assertRefused("host", () -> RedisSettings.of(" ", 6379, "p:"));
        assertRefused("port", () -> RedisSettings.of("h", 0, "p:"));
        assertRefused("port", () -> RedisSettings.of("h", 65536, "p:"));
        assertRefused("keyPrefix", () -> RedisSettings.of("h", 6379, null));
        assertRefused("database", () -> new RedisSettings("h", 6379, -1, null, false, "p:", Duration.ofSeconds(1)));
        assertRefused("commandTimeout", () -> RedisSettings.of("h", 6379, "p:").withCommandTimeout(Duration.ZERO));
        assertRefused("commandTimeout", () -> RedisSettings.of("h", 6379, "p:").withCommandTimeout(Duration.ofMinutes(1)));
    }

    @Test
    void addressBracketsIpv6Hosts() {
        assertThat(RedisSettings.of("::1", 6379, "").address()).isEqualTo("[::1]:6379");
        assertThat(RedisSettings.of("127.0.0.1", 6379, "").address()).isEqualTo("127.0.0.1:6379");
    }

    private static void assertRefused(String field, Runnable make) {
        assertThatThrownBy(make::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
