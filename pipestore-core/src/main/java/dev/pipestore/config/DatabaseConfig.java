package dev.pipestore.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the catalog lives.
 *
 * @param jdbcUrl JDBC URL without credentials
 * @param user database user, or {@code null}
 * @param password database password, or {@code null}; never printed
 * @param poolSize connections kept open
 * @param maxOverflow extra connections allowed above {@code poolSize}
 * @param queryTimeout longest wait for the database to answer one statement (not migrations)
 * @param embedded whether this is the embedded default
 * @param displayUrl the URL as configured with the password replaced by {@code ***}
 */
public record DatabaseConfig(
        String jdbcUrl, String user, String password, int poolSize, int maxOverflow, Duration queryTimeout, boolean embedded,
        String displayUrl) {

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(displayUrl, "displayUrl");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + displayUrl + ", user=" + user + ", poolSize=" + poolSize + ", maxOverflow=" + maxOverflow
                + ", queryTimeout=" + queryTimeout + (embedded ? ", embedded" : "") + "]";
    }
}
