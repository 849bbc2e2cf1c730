package dev.pipestore.benchmarks.env;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A database of its own on the loopback PostgreSQL (trust authentication, user {@code postgres}), created for one
 * benchmark run and dropped afterwards, so the run neither sees nor leaves anyone else's rows.
 */
public final class TemporaryPostgres implements AutoCloseable {

    /** The server every benchmark uses; loopback only. */
    public static final String HOST_PORT = "127.0.0.1:5432";

    public static final String USER = "postgres";

    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST_PORT + "/postgres";

    private final String name;

    private TemporaryPostgres(String name) {
        this.name = name;
    }

    /** Creates {@code pipestore_bench_<random>} from template0, which no one connects to (template1 may be busy). */
    public static TemporaryPostgres create() throws SQLException {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String name = "pipestore_bench_" + HexFormat.of().formatHex(random);
        execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        return new TemporaryPostgres(name);
    }

    public String name() {
        return name;
    }

    /** The seed-style {@code DATABASE_URL} pipestore is configured with. */
    public String databaseUrl() {
        return "postgresql://" + USER + "@" + HOST_PORT + "/" + name;
    }

    /** A plain JDBC connection for the raw side, with the batch rewrite pipestore's pool also turns on. */
    public Connection connectRaw() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST_PORT + "/" + name + "?reWriteBatchedInserts=true", USER, null);
    }

    /** The server's version string, for the machine notes. */
    public String serverVersion() throws SQLException {
        try (Connection c = connectRaw(); Statement s = c.createStatement(); var rows = s.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Drops the database, closing whatever connection is still open to it. */
    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL at " + HOST_PORT + " as " + USER + ": " + sql + " failed: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }
}
