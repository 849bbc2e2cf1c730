package dev.pipestore.cache.redis;

import dev.pipestore.InvalidInputException;
import dev.pipestore.config.CacheConfig;
import java.time.Duration;

/**
 * Where the Redis cache lives and how long a command may take before the caller gets a miss instead.
 *
 * @param host server name or address
 * @param port server port, 1-65535
 * @param database logical database index (SELECT), 0 or more
 * @param password AUTH password, {@code null} for none; never printed
 * @param tls whether to connect with TLS (certificate and host name verified)
 * @param keyPrefix put before every key, so several deployments can share one Redis; may be empty
 * @param commandTimeout longest wait for one command (and for connecting), at most {@link #MAX_COMMAND_TIMEOUT}
 */
public record RedisSettings(
        String host, int port, int database, String password, boolean tls, String keyPrefix, Duration commandTimeout) {

    /** Default command timeout: a cache hit on a healthy Redis takes well under a millisecond, so this is generous. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(250);

    /** Longest command timeout accepted: a cache that makes its caller wait longer than this is worse than none. */
    public static final Duration MAX_COMMAND_TIMEOUT = Duration.ofSeconds(10);

    public RedisSettings {
        if (host == null || host.isBlank()) {
            throw new InvalidInputException("host", "must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port", "must be between 1 and 65535, was " + port);
        }
        if (database < 0) {
            throw new InvalidInputException("database", "must not be negative, was " + database);
        }
        if (keyPrefix == null) {
            throw new InvalidInputException("keyPrefix", "must not be null (use \"\" for none)");
        }
        if (commandTimeout == null || commandTimeout.isNegative() || commandTimeout.isZero()
                || commandTimeout.compareTo(MAX_COMMAND_TIMEOUT) > 0) {
            throw new InvalidInputException(
                    "commandTimeout", "must be more than 0 and at most " + MAX_COMMAND_TIMEOUT + ", was " + commandTimeout);
        }
    }

    /** A Redis without password or TLS, database 0, with the default command timeout. */
    public static RedisSettings of(String host, int port, String keyPrefix) {
        return new RedisSettings(host, port, 0, null, false, keyPrefix, DEFAULT_COMMAND_TIMEOUT);
    }

    /** The settings for a configured Redis, with the default command timeout. */
    public static RedisSettings of(CacheConfig.Redis config) {
        return new RedisSettings(config.host(), config.port(), config.database(), config.password(), config.tls(),
                config.keyPrefix(), DEFAULT_COMMAND_TIMEOUT);
    }

    /** The same settings with another command timeout. */
    public RedisSettings withCommandTimeout(Duration timeout) {
        return new RedisSettings(host, port, database, password, tls, keyPrefix, timeout);
    }

    /** The same settings with another password ({@code null} for none). */
    public RedisSettings withPassword(String newPassword) {
        return new RedisSettings(host, port, database, newPassword, tls, keyPrefix, commandTimeout);
    }

    /** {@code host:port}, the way log lines and errors name this Redis. */
    public String address() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    @Override
    public String toString() {
        return "RedisSettings[host=" + host + ", port=" + port + ", database=" + database + ", password="
                + (password == null ? "none" : "***") + ", tls=" + tls + ", keyPrefix=" + keyPrefix
                + ", commandTimeout=" + commandTimeout + "]";
    }
}
