package dev.pipestore.cache.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Owns the Lettuce client and its single connection, which it makes in the background so that no cache call ever
 * waits for a connect; once connected, Lettuce itself reconnects after a drop.
 */
final class RedisConnector implements AutoCloseable {

    /** Keys are text; values stay the UTF-8 bytes of their JSON, which the cache's readers parse without a String between. */
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisSettings settings;
    private final Duration connectTimeout;
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final Consumer<Throwable> onConnectFailure;

    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile boolean closed;
    private CompletableFuture<StatefulRedisConnection<String, byte[]>> pending; // guarded by this; the latest attempt

    RedisConnector(RedisSettings settings, Consumer<Throwable> onConnectFailure) {
        this.settings = settings;
        this.onConnectFailure = onConnectFailure;
        // Connecting (TLS handshake, AUTH, SELECT included) may take longer than one command; only open() and ping()
        // ever wait for it.
        this.connectTimeout = settings.commandTimeout().compareTo(Duration.ofSeconds(1)) > 0
                ? settings.commandTimeout() : Duration.ofSeconds(1);
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                // Lettuce's default backoff grows to 30 s; a cache should be back within seconds of Redis.
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI.Builder builder = RedisURI.builder()
                .withHost(settings.host())
                .withPort(settings.port())
                .withDatabase(settings.database())
                .withSsl(settings.tls())
                // Lettuce bounds the connection's handshake (HELLO, AUTH, SELECT) by this; commands get theirs in
                // connected(). At the command timeout, a cold JVM on a busy machine missed the handshake and took a
                // healthy Redis for an outage, dropping the invalidations of a short-lived CLI process.
                .withTimeout(connectTimeout);
        if (settings.password() != null) {
            builder.withPassword(settings.password().toCharArray());
        }
        this.uri = builder.build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While reconnecting, fail commands at once instead of queueing them until the timeout.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .build());
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    /** The commands of the live connection; without one, starts connecting and fails at once. */
    RedisCommands<String, byte[]> commands() {
        if (closed) {
            throw new IllegalStateException("cache redis " + settings.address() + " is closed");
        }
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            return current.sync();
        }
        connect();
        throw new RedisConnectionException("not connected to " + settings.address() + " yet");
    }

    /** Waits up to the connect timeout for a connection, starting one if needed: for callers allowed to wait. */
    StatefulRedisConnection<String, byte[]> awaitConnection() {
        try {
            return connect().get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RedisException re
                    ? re : new RedisConnectionException("cannot connect to " + settings.address(), e.getCause());
        } catch (TimeoutException e) {
            throw new RedisConnectionException("no connection to " + settings.address() + " within " + connectTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisCommandInterruptedException(e);
        }
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, byte[]>> connect() {
        if (connection != null) {
            return CompletableFuture.completedFuture(connection);
        }
        if (closed) {
            throw new IllegalStateException("cache redis " + settings.address() + " is closed");
        }
        if (pending == null || pending.isDone()) {
            // Callers wait on the dependent stage, so they see the outcome only after connected() has recorded it.
            pending = client.connectAsync(CODEC, uri).toCompletableFuture().whenComplete(this::connected);
        }
        return pending;
    }

    private synchronized void connected(StatefulRedisConnection<String, byte[]> made, Throwable failure) {
        if (failure != null) {
            onConnectFailure.accept(failure);
        } else if (closed) {
            made.closeAsync();
        } else {
            made.setTimeout(settings.commandTimeout());
            connection = made;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            current.close();
        }
        // No quiet period: nothing else runs on these threads.
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
