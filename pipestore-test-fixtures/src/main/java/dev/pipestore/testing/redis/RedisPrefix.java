package dev.pipestore.testing.redis;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension giving a test class its own random key prefix on the shared loopback Redis, and deleting every
 * key under it after the class; register it with {@code @RegisterExtension static final RedisPrefix}.
 */
public final class RedisPrefix implements BeforeAllCallback, AfterAllCallback {

    /** The shared Redis every test may use, unless {@code -Dpipestore.test.redis.port} says otherwise. */
    public static final String HOST = "127.0.0.1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String host;
    private final int port;
    private final String value;

    private RedisPrefix(String host, int port) {
        this.host = host;
        this.port = port;
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        this.value = "pipestore-test:" + HexFormat.of().formatHex(bytes) + ":";
    }

    /** A fresh prefix on the shared Redis at 127.0.0.1:6379. */
    public static RedisPrefix onSharedRedis() {
        return new RedisPrefix(HOST, Integer.getInteger("pipestore.test.redis.port", 6379));
    }

    /** Unique per instance, of the form {@code pipestore-test:<12 hex digits>:}; glob-safe, so SCAN MATCH needs no escaping. */
    public String value() {
        return value;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        try (RespClient client = RespClient.connect(host, port, Duration.ofSeconds(2))) {
            client.call("PING");
        } catch (IOException e) {
            throw new IOException("the shared test Redis at " + host + ":" + port + " does not answer", e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        deleteKeys();
    }

    /** Deletes every key under this prefix with SCAN and DEL; returns how many were deleted. */
    public long deleteKeys() throws IOException {
        long deleted = 0;
        try (RespClient client = RespClient.connect(host, port, Duration.ofSeconds(5))) {
            String cursor = "0";
            do {
                List<?> reply = (List<?>) client.call("SCAN", cursor, "MATCH", value + "*", "COUNT", "1000");
                cursor = (String) reply.get(0);
                List<?> keys = (List<?>) reply.get(1);
                if (!keys.isEmpty()) {
                    String[] command = new String[keys.size() + 1];
                    command[0] = "DEL";
                    for (int i = 0; i < keys.size(); i++) {
                        command[i + 1] = (String) keys.get(i);
                    }
                    deleted += (Long) client.call(command);
                }
            } while (!"0".equals(cursor));
        }
        return deleted;
    }
}
