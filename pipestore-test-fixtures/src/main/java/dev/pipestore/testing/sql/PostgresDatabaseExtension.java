package dev.pipestore.testing.sql;

/**
 * A fresh PostgreSQL database for a test, on the loopback server (trust authentication, user {@code postgres}).
 * Override with {@code PIPESTORE_TEST_POSTGRES_URL} (an existing database to connect to, for example
 * {@code jdbc:postgresql://db:5432/postgres}), {@code PIPESTORE_TEST_POSTGRES_USER} and {@code _PASSWORD}.
 *
 * <pre>{@code @RegisterExtension static final PostgresDatabaseExtension DB = new PostgresDatabaseExtension();}</pre>
 */
public final class PostgresDatabaseExtension extends ServerDatabaseExtension {

    public PostgresDatabaseExtension() {
        super("PIPESTORE_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres");
    }

    /** From template0, which nobody connects to: copying template1 fails while another test is connected to it. */
    @Override
    protected String createDatabaseSql(String name) {
        return "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'";
    }

    @Override
    protected String dropDatabaseSql(String name) {
        return "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
    }
}
