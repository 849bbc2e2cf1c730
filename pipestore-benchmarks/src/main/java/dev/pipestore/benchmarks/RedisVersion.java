package dev.pipestore.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/** Asks Redis its version for the machine notes. */
final class RedisVersion {

    private RedisVersion() {}

    static String of(String host, int port) {
        RedisClient client = RedisClient.create(RedisURI.create(host, port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().info("server").lines().filter(l -> l.startsWith("redis_version:"))
                    .map(l -> l.substring("redis_version:".length()).trim()).findFirst().orElse("unknown");
        } finally {
            client.shutdown();
        }
    }
}
