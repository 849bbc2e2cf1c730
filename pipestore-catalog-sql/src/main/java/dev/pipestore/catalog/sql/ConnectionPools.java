package dev.pipestore.catalog.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.pipestore.BackendUnavailableException;
import dev.pipestore.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Builds the HikariCP pool for a catalog: sized from the settings, failing fast and clearly when the database is not there. */
final class ConnectionPools {

    /** How long a caller waits for a pooled connection before the catalog counts as unavailable. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /** How long the driver may take to open one new connection (TCP connect plus login). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long a liveness check ({@code Connection.isValid}) may take. */
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);
    /** How long, and how often, a pool tries again when its dialect says it may soon succeed. */
    private static final Duration REOPEN_WINDOW = SqliteDialect.BUSY_TIMEOUT;
    private static final Duration REOPEN_PAUSE = Duration.ofMillis(50);

    private ConnectionPools() {}

    static HikariDataSource open(SqlCatalogSettings settings, Dialect dialect, String driverUrl, String description) {
        if (dialect instanceof SqliteDialect) {
            createParentDirectory(SqliteDialect.databaseFile(driverUrl), description);
        }
        Instant giveUp = Instant.now().plus(REOPEN_WINDOW);
        while (true) {
            try {
                return new HikariDataSource(config(settings, dialect, driverUrl));
            } catch (HikariPool.PoolInitializationException e) {
                if (dialect.isWorthReopening(e) && Instant.now().isBefore(giveUp)) {
                    pause(REOPEN_PAUSE);
                    continue;
                }
                throw new BackendUnavailableException("catalog " + description, FailureReasons.reason(e, settings.password()), e);
            } catch (RuntimeException e) {
                // HikariCP checks that the driver accepts the URL before it tries any connection; pgJDBC, for one,
                // refuses a URL whose port is not a number that way.
                throw new InvalidInputException("jdbcUrl", "the " + dialect.name() + " driver does not accept "
                        + settings.redactedUrl() + " as a JDBC URL (" + FailureReasons.reason(e, settings.password()) + ")", e);
            }
        }
    }

    private static HikariConfig config(SqlCatalogSettings settings, Dialect dialect, String driverUrl) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pipestore-catalog");
        config.setDriverClassName(dialect.driverClassName());
        config.setJdbcUrl(driverUrl);
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMinimumIdle(settings.poolSize());
        config.setMaximumPoolSize(settings.poolSize() + settings.maxOverflow());
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        // Positive: open() tries one connection at once and throws if it fails, rather than returning a pool that
        // only reports the problem on first use (0) or never (negative).
        config.setInitializationFailTimeout(1);
        dialect.configurePool(config, driverUrl, CONNECT_TIMEOUT);
        return config;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("catalog", "interrupted while waiting for the database file's lock", e);
        }
    }

    private static void createParentDirectory(Path file, String description) {
        if (file == null || file.getParent() == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new BackendUnavailableException("catalog " + description, "cannot create the directory " + file.getParent()
                    + " (" + e + ")", e);
        }
    }
}
