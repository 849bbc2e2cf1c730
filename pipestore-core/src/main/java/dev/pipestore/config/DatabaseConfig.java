package dev.pipestore.config;

import java.util.Objects;

/**
 * Where the catalog lives.
 *
 * @param jdbcUrl JDBC URL without credentials
 * @param user database user, or {@code null}
 * @param password database password, or {@code null}; never printed
 * @param poolSize connections kept open
 * @param maxOverflow extra connections allowed above {@code poolSize}
 * @param embedded whether this is the embedded default
 * @param displayUrl the URL as configured with the password replaced by {@code ***}
 */
public record DatabaseConfig(
        String jdbcUrl, String user, String password, int poolSize, int maxOverflow, boolean embedded, String displayUrl) {

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(displayUrl, "displayUrl");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + displayUrl + ", user=" + user + ", poolSize=" + poolSize + ", maxOverflow=" + maxOverflow
                + (embedded ? ", embedded" : "") + "]";
    }
}
