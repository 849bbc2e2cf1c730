package dev.pipestore.catalog.sql;

import dev.pipestore.InvalidInputException;
import dev.pipestore.config.ConfigKeys;
import dev.pipestore.config.DatabaseConfig;
import java.time.Duration;

/**
 * Where a {@link SqlCatalog} connects and how large its connection pool is.
 *
 * @param jdbcUrl {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:} or {@code jdbc:sqlite:} URL
 * @param user database user, or {@code null} (SQLite, or a user given in the URL)
 * @param password database password, or {@code null}; never printed
 * @param poolSize connections kept open (the pool's minimum idle)
 * @param maxOverflow connections allowed above {@code poolSize} under load
 * @param queryTimeout longest wait for the database to answer one statement; migrations wait as long as they take
 */
public record SqlCatalogSettings(String jdbcUrl, String user, String password, int poolSize, int maxOverflow,
        Duration queryTimeout) {

    /** {@value ConfigKeys#DEFAULT_QUERY_TIMEOUT_SECONDS} s, as {@code DATABASE_QUERY_TIMEOUT} defaults to. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(ConfigKeys.DEFAULT_QUERY_TIMEOUT_SECONDS);

    /** Settings with the {@link #DEFAULT_QUERY_TIMEOUT}. */
    public SqlCatalogSettings(String jdbcUrl, String user, String password, int poolSize, int maxOverflow) {
        this(jdbcUrl, user, password, poolSize, maxOverflow, DEFAULT_QUERY_TIMEOUT);
    }

    public SqlCatalogSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new InvalidInputException("jdbcUrl", "must not be empty");
        }
        if (poolSize < 1) {
            throw new InvalidInputException("poolSize", "must be at least 1, got " + poolSize);
        }
        if (maxOverflow < 0) {
            throw new InvalidInputException("maxOverflow", "must be at least 0, got " + maxOverflow);
        }
        if (queryTimeout == null || queryTimeout.toMillis() < 1 || queryTimeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidInputException("queryTimeout", "must be from 1 ms to 1 day, got " + queryTimeout);
        }
    }

    /** The settings of a configured catalog database ({@code DATABASE_URL} and its pool sizes). */
    public static SqlCatalogSettings from(DatabaseConfig config) {
        return new SqlCatalogSettings(config.jdbcUrl(), config.user(), config.password(), config.poolSize(), config.maxOverflow(),
                config.queryTimeout());
    }

    /** The JDBC URL with any password in it replaced by {@code ***}. */
    public String redactedUrl() {
        return Redaction.redact(jdbcUrl, password);
    }

    @Override
    public String toString() {
        return "SqlCatalogSettings[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password="
                + (password == null ? "null" : "***") + ", poolSize=" + poolSize + ", maxOverflow=" + maxOverflow
                + ", queryTimeout=" + queryTimeout + "]";
    }
}
