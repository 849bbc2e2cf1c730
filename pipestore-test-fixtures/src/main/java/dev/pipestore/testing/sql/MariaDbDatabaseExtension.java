package dev.pipestore.testing.sql;

/**
 * A fresh MariaDB/MySQL database for a test, on the loopback server (user {@code root}, empty password).
 * Override with {@code PIPESTORE_TEST_MARIADB_URL} (for example {@code jdbc:mariadb://db:3306/}),
 * {@code PIPESTORE_TEST_MARIADB_USER} and {@code _PASSWORD}.
 *
 * <pre>{@code @RegisterExtension static final MariaDbDatabaseExtension DB = new MariaDbDatabaseExtension();}</pre>
 */
public final class MariaDbDatabaseExtension extends ServerDatabaseExtension {

    public MariaDbDatabaseExtension() {
        super("PIPESTORE_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/", "root");
    }

    @Override
    protected String createDatabaseSql(String name) {
        return "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    }

    @Override
    protected String dropDatabaseSql(String name) {
        return "DROP DATABASE IF EXISTS `" + name + "`";
    }
}
