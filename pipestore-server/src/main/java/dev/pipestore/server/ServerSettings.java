package dev.pipestore.server;

import dev.pipestore.ingest.IngestServices;
import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server listens and what it bounds: address, body and header sizes, timeouts, the shutdown grace.
 *
 * <p>There is no total request timeout on purpose: a 2 GiB upload may rightly take minutes. A stalled client is cut
 * off by {@code idleTimeout} (no byte moved for that long), and every backend call carries its own timeout.
 *
 * @param bind the address to listen on; {@value #DEFAULT_BIND} keeps the server to this machine
 * @param port the TCP port; 0 picks a free one
 * @param maxUploadBytes largest audio or text upload, in bytes; larger ones get 413 (at most the library's own limit)
 * @param maxJsonBytes largest JSON request body, in bytes
 * @param maxHeaderBytes largest request line plus headers, in bytes; larger ones get 431
 * @param idleTimeout how long a connection may sit without a byte read or written
 * @param shutdownTimeout how long {@link PipestoreServer#stop()} lets requests in flight finish
 */
public record ServerSettings(String bind, int port, long maxUploadBytes, long maxJsonBytes, int maxHeaderBytes,
        Duration idleTimeout, Duration shutdownTimeout) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Enough for a batch of {@code ResultService.MAX_BATCH} results or a 16 MiB transcript with its metadata. */
    public static final long DEFAULT_MAX_JSON_BYTES = 32L * 1024 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    public ServerSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind must be an address, got an empty string");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        // Past the library's limit the library would refuse first, with a message that does not say 413.
        if (maxUploadBytes < 1 || maxUploadBytes > IngestServices.DEFAULT_MAX_UPLOAD_BYTES) {
            throw new IllegalArgumentException("maxUploadBytes must be 1 to " + IngestServices.DEFAULT_MAX_UPLOAD_BYTES
                    + ", got " + maxUploadBytes);
        }
        if (maxJsonBytes < 1) {
            throw new IllegalArgumentException("maxJsonBytes must be positive, got " + maxJsonBytes);
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 1024, got " + maxHeaderBytes);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be positive and shutdownTimeout not negative");
        }
    }

    /** Loopback on port 8080 with the default limits. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_BIND, DEFAULT_PORT, IngestServices.DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_JSON_BYTES,
                DEFAULT_MAX_HEADER_BYTES, DEFAULT_IDLE_TIMEOUT, DEFAULT_SHUTDOWN_TIMEOUT);
    }

    public ServerSettings withBind(String value) {
        return new ServerSettings(value, port, maxUploadBytes, maxJsonBytes, maxHeaderBytes, idleTimeout, shutdownTimeout);
    }

    public ServerSettings withPort(int value) {
        return new ServerSettings(bind, value, maxUploadBytes, maxJsonBytes, maxHeaderBytes, idleTimeout, shutdownTimeout);
    }

    public ServerSettings withMaxUploadBytes(long value) {
        return new ServerSettings(bind, port, value, maxJsonBytes, maxHeaderBytes, idleTimeout, shutdownTimeout);
    }

    public ServerSettings withMaxJsonBytes(long value) {
        return new ServerSettings(bind, port, maxUploadBytes, value, maxHeaderBytes, idleTimeout, shutdownTimeout);
    }

    public ServerSettings withMaxHeaderBytes(int value) {
        return new ServerSettings(bind, port, maxUploadBytes, maxJsonBytes, value, idleTimeout, shutdownTimeout);
    }

    public ServerSettings withIdleTimeout(Duration value) {
        return new ServerSettings(bind, port, maxUploadBytes, maxJsonBytes, maxHeaderBytes, value, shutdownTimeout);
    }

    public ServerSettings withShutdownTimeout(Duration value) {
        return new ServerSettings(bind, port, maxUploadBytes, maxJsonBytes, maxHeaderBytes, idleTimeout, value);
    }
}
