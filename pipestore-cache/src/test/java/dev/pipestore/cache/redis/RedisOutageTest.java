package dev.pipestore.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.pipestore.BackendUnavailableException;
import dev.pipestore.cache.Cache;
import dev.pipestore.testing.redis.RedisServerProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kills a private redis-server under a live cache: callers get fast misses, one log line, and recovery by itself. */
@Timeout(30)
class RedisOutageTest {

    private static final String PASSWORD = "outage-test-secret-7f3a";
    private static final Duration FAST = Duration.ofMillis(300);
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    private static RedisServerProcess server;
    private static RedisCache cache;
    private LogCapture logs;

    @BeforeAll
    static void startServerAndCache() {
        server = RedisServerProcess.start(PASSWORD);
        cache = RedisCache.open(new RedisSettings(server.host(), server.port(), 0, PASSWORD, false, "outage:",
                Duration.ofMillis(200)));
    }

    @AfterAll
    static void stopServerAndCache() {
        try {
            if (cache != null) {
                cache.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void redisIsUpAndTheCacheWorks() throws InterruptedException {
        server.restart();
        Bounded.await(RECOVERY, "cache working before the test", () -> cache.put("probe", IntNode.valueOf(1)));
        logs = new LogCapture();
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void everyCallAnswersMissOrFalseWithinAFewHundredMillisWhileRedisIsDown() throws InterruptedException {
        assertThat(cache.put("k", IntNode.valueOf(1))).isTrue();
        server.stop();
        // 30 rounds 50 ms apart: spans the breaker's retry interval, so probes of the dead server are timed too.
        for (int round = 0; round < 30; round++) {
            assertThat(Bounded.within(FAST, "get", () -> cache.get("k"))).isEmpty();
            assertThat(Bounded.within(FAST, "put", () -> cache.put("k", IntNode.valueOf(2)))).isFalse();
            assertThat(Bounded.within(FAST, "delete", () -> cache.delete("k"))).isFalse();
            assertThat(Bounded.within(FAST, "fill", () -> cache.putUtf8IfAbsent("f", new byte[] {'1'}, Duration.ofSeconds(9))))
                    .isEqualTo(Cache.Fill.DROPPED);
            Thread.sleep(50);
        }
        assertThat(cache.stats().errors()).isGreaterThanOrEqualTo(120);
    }

    @Test
    void everyCallAnswersWithinTheCommandTimeoutWhileRedisHangs() throws InterruptedException {
        server.freeze();
        try {
            // A hung server answers nothing and closes nothing: only the timeout and the breaker keep callers moving.
            for (int round = 0; round < 30; round++) {
                assertThat(Bounded.within(FAST, "get", () -> cache.get("k"))).isEmpty();
                assertThat(Bounded.within(FAST, "put", () -> cache.put("k", IntNode.valueOf(2)))).isFalse();
                assertThat(Bounded.within(FAST, "delete", () -> cache.delete("k"))).isFalse();
                Thread.sleep(50);
            }
            assertThat(logs.at(Level.WARN)).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("timed out"));
        } finally {
            server.thaw();
        }
    }

    @Test
    void outageIsLoggedOnceNamingTheServerAndNeverThePassword() throws InterruptedException {
        server.stop();
        for (int round = 0; round < 30; round++) {
            cache.get("k");
            cache.put("k", IntNode.valueOf(1));
            cache.delete("k");
            Thread.sleep(50);
        }
        assertThat(logs.at(Level.WARN)).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("127.0.0.1:" + server.port()));
        assertThat(logs.allText()).doesNotContain(PASSWORD);
    }

    @Test
    void cacheWorksAgainByItselfOnceRedisIsBack() throws InterruptedException {
        server.stop();
        assertThat(cache.get("k")).isEmpty();
        server.restart();
        Bounded.await(RECOVERY, "put after restart", () -> cache.put("k", IntNode.valueOf(3)));
        assertThat(cache.get("k")).contains(IntNode.valueOf(3));
        assertThat(logs.at(Level.INFO)).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("available again"));
    }

    @Test
    void pingFailsFastNamingTheServerWhileRedisIsDown() {
        server.stop();
        assertThatThrownBy(() -> Bounded.within(Duration.ofSeconds(2), "ping", () -> {
            cache.ping();
            return null;
        })).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("redis 127.0.0.1:" + server.port())
                .message().doesNotContain(PASSWORD);
    }
}
