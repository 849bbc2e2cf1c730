package dev.pipestore.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.pipestore.BackendUnavailableException;
import dev.pipestore.testing.net.TcpProxy;
import dev.pipestore.testing.redis.RedisServerProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Opening the cache when Redis is down or refuses the password: open() succeeds, ping() says why, no secret leaks. */
@Timeout(30)
class RedisStartupTest {

    private static final String PASSWORD = "startup-test-secret-91c2";
    private static final String WRONG_PASSWORD = "not-the-password-4d8e";

    private static RedisServerProcess server;

    @BeforeAll
    static void startServer() {
        server = RedisServerProcess.start(PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static RedisSettings settings(String password) {
        return new RedisSettings(server.host(), server.port(), 0, password, false, "startup:", Duration.ofMillis(200));
    }

    @Test
    void opensWhileRedisIsDownAnswersMissesAndConnectsOnceRedisStarts() throws InterruptedException {
        server.stop();
        try (RedisCache cache = Bounded.within(Duration.ofSeconds(3), "open", () -> RedisCache.open(settings(PASSWORD)))) {
            assertThat(Bounded.within(Duration.ofMillis(300), "get", () -> cache.get("k"))).isEmpty();
            assertThat(Bounded.within(Duration.ofMillis(300), "put", () -> cache.put("k", IntNode.valueOf(1)))).isFalse();
            assertThatThrownBy(cache::ping).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port());
            server.restart();
            Bounded.await(Duration.ofSeconds(10), "put once Redis started", () -> cache.put("k", IntNode.valueOf(1)));
            assertThat(cache.get("k")).contains(IntNode.valueOf(1));
        } finally {
            server.restart();
        }
    }

    /**
     * The handshake (HELLO, AUTH) may take longer than one command: a cold JVM on a busy machine took half a second, and
     * bounded by the command timeout it took a healthy Redis for an outage (a CLI process then exited with its cache
     * invalidations undone).
     */
    @Test
    void aHandshakeSlowerThanTheCommandTimeoutStillConnects() throws Exception {
        try (TcpProxy slow = new TcpProxy(server.port()).start(); LogCapture logs = new LogCapture()) {
            slow.stall();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slow.resume();
            });
            RedisSettings settings = new RedisSettings(server.host(), slow.port(), 0, PASSWORD, false, "startup:",
                    Duration.ofMillis(200));

            try (RedisCache cache = RedisCache.open(settings)) {
                assertThat(cache.put("k", IntNode.valueOf(1))).as("connected by the time open returned").isTrue();
                assertThat(logs.at(Level.WARN)).isEmpty();
            }
        }
    }

    @Test
    void wrongPasswordIsReportedAsAuthenticationFailureWithoutEitherPassword() {
        try (LogCapture logs = new LogCapture(); RedisCache cache = RedisCache.open(settings(WRONG_PASSWORD))) {
            assertThat(cache.get("k")).isEmpty();
            assertThatThrownBy(cache::ping).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port())
                    .hasMessageContaining("authentication failed").hasMessageContaining("check REDIS_PASSWORD")
                    .message().doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);
            assertThat(logs.at(Level.WARN)).isNotEmpty();
            assertThat(logs.allText()).contains("authentication failed")
                    .doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aDatabaseNumberTheServerLacksNamesRedisDb() {
        RedisSettings settings = new RedisSettings(server.host(), server.port(), 999, PASSWORD, false, "startup:",
                Duration.ofMillis(200));
        try (RedisCache cache = RedisCache.open(settings)) {
            assertThatThrownBy(cache::ping).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("check REDIS_DB");
        }
    }

    @Test
    void missingPasswordIsReportedAsAuthenticationFailure() {
        try (RedisCache cache = RedisCache.open(settings(null))) {
            assertThat(cache.put("k", IntNode.valueOf(1))).isFalse();
            assertThatThrownBy(cache::ping).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("authentication failed");
        }
    }

    @Test
    void rightPasswordConnects() {
        try (RedisCache cache = RedisCache.open(settings(PASSWORD))) {
            cache.ping();
            assertThat(cache.put("k", IntNode.valueOf(5))).isTrue();
            assertThat(cache.get("k")).contains(IntNode.valueOf(5));
        }
    }
}
