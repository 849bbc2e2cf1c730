package dev.pipestore.catalog.sql;

import dev.pipestore.InvalidInputException;
import dev.pipestore.config.DatabaseConfig;

/**
 * Where a {@link SqlCatalog} connects and how large its connection pool is.
 *
 * @param jdbcUrl {@code jdbc:postgresql:}, {@code jdbc:mariadb:}, {@code jdbc:mysql:} or {@code jdbc:sqlite:} URL
 * @param user database user, or {@code null} (SQLite, or a user given in the URL)
 * @param password database password, or {@code null}; never printed
 * @param poolSize connections kept open (the pool's minimum idle)
 * @param maxOverflow connections allowed above {@code poolSize} under load
 */
public record SqlCatalogSettings(String jdbcUrl, String user, String password, int poolSize, int maxOverflow) {

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
    }

    /** The settings of a configured catalog database ({@code DATABASE_URL} and its pool sizes). */
    public static SqlCatalogSettings from(DatabaseConfig config) {
        return new SqlCatalogSettings(config.jdbcUrl(), config.user(), config.password(), config.poolSize(), config.maxOverflow());
    }

    /** The JDBC URL with any password in it replaced by {@code ***}. */
    public String redactedUrl() {
        return Redaction.redact(jdbcUrl, password);
    }

    @Override
    public String toString() {
        return "SqlCatalogSettings[jdbcUrl=" + redactedUrl() + ", user=" + user + ", password="
                + (password == null ? "null" : "***") + ", poolSize=" + poolSize + ", maxOverflow=" + maxOverflow + "]";
    }
}
