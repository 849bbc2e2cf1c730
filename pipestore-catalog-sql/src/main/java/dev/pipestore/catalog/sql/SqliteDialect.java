package dev.pipestore.catalog.sql;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.sqlite.SQLiteException;

/**
 * The embedded SQLite database: a file shared safely by a CLI process and a server process.
 * Times are fixed-width ISO-8601 UTC text with microseconds, so text order is time order.
 */
final class SqliteDialect extends Dialect {

    /** How long a writer waits for another connection's (or process's) write lock before giving up. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    String name() {
        return "sqlite";
    }

    @Override
    String migrationFolder() {
        return "sqlite";
    }

    @Override
    String driverClassName() {
        return "org.sqlite.JDBC";
    }

    @Override
    void configurePool(HikariConfig config, String driverUrl, Duration connectTimeout) {
        // WAL lets readers run while one process writes; synchronous=FULL syncs the WAL on every commit, so an
        // acknowledged write survives power loss, not just a process crash (NORMAL only guarantees the latter).
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("foreign_keys", "true");
        // Another process holding the write lock makes us wait up to this long instead of failing at once.
        config.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT.toMillis()));
        // A deferred transaction that reads first and writes later must upgrade its lock; in WAL mode that upgrade
        // fails at once with SQLITE_BUSY (the busy timeout is not consulted) when another connection committed in
        // between. Taking the write lock at BEGIN avoids that. Our own transactions say BEGIN IMMEDIATE explicitly
        // (see begin()); this setting covers anything that uses JDBC's setAutoCommit(false), such as Flyway.
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        if (databaseFile(driverUrl) == null) {
            // Every connection to :memory: is a database of its own: keep exactly one, forever.
            config.setMinimumIdle(1);
            config.setMaximumPoolSize(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        }
    }

    /** The database file of a {@code jdbc:sqlite:} URL, or {@code null} for an in-memory database. */
    static Path databaseFile(String jdbcUrl) {
        String rest = jdbcUrl.strip().substring("jdbc:sqlite:".length());
        if (rest.contains("mode=memory")) {
            return null;
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
            while (rest.startsWith("//")) {
                rest = rest.substring(1);
            }
        }
        if (rest.isEmpty() || rest.equals(":memory:")) {
            return null;
        }
        return Path.of(rest).toAbsolutePath().normalize();
    }

    @Override
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setString(index, value == null ? null : TIME_FORMAT.format(value));
    }

    @Override
    Instant getInstant(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : Instant.parse(text);
    }

    /** The database is a file in this process: no network to wait on, and lock waits end at {@code busy_timeout}. */
    @Override
    void limitWait(Connection connection, Duration timeout) {}

    /**
     * sqlite-jdbc's commit() and rollback() immediately begin the next transaction, which in IMMEDIATE mode takes
     * the write lock again while the connection sits idle in the pool. Plain statements in auto-commit mode do not.
     */
    @Override
    void begin(Connection connection) throws SQLException {
        execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    void rollback(Connection connection) throws SQLException {
        execute(connection, "ROLLBACK");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every transaction here begins IMMEDIATE (see {@link #begin}), holding the one write lock: no row locks needed. */
    @Override
    String skipLocked() {
        return "";
    }

    /** As {@link #skipLocked}: the write lock taken at {@code BEGIN IMMEDIATE} covers every row. */
    @Override
    String forUpdate() {
        return "";
    }

    @Override
    FullText fullText() {
        return SqliteFullText.INSTANCE;
    }

    @Override
    Violation violation(SQLException e) {
        if (!(e instanceof SQLiteException sqlite) || sqlite.getResultCode() == null) {
            return Violation.NONE;
        }
        return switch (sqlite.getResultCode()) {
            case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE -> Violation.UNIQUE;
            case SQLITE_CONSTRAINT_FOREIGNKEY -> Violation.FOREIGN_KEY;
            case SQLITE_CONSTRAINT_CHECK, SQLITE_CONSTRAINT_NOTNULL, SQLITE_CONSTRAINT_DATATYPE, SQLITE_TOOBIG,
                    SQLITE_MISMATCH -> Violation.INVALID_VALUE;
            default -> Violation.NONE;
        };
    }

    /**
     * Two processes creating one file at once: switching it to WAL takes a lock the busy timeout does not wait for, so
     * the loser of that race is told SQLITE_BUSY at once.
     */
    @Override
    boolean isWorthReopening(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite && sqlite.getResultCode() != null
                    && sqlite.getResultCode().name().startsWith("SQLITE_BUSY")) {
                return true;
            }
        }
        return false;
    }

    /** A locked, unopenable, full, read-only or failing file: the embedded database cannot serve us right now. */
    @Override
    boolean isUnavailable(SQLException e) {
        if (!(e instanceof SQLiteException sqlite) || sqlite.getResultCode() == null) {
            return super.isUnavailable(e);
        }
        String code = sqlite.getResultCode().name();
        return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code.startsWith("SQLITE_CANTOPEN")
                || code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_IOERR") || code.equals("SQLITE_FULL")
                || code.equals("SQLITE_NOTADB");
    }

    @Override
    String describe(String jdbcUrl, String user) {
        Path file = databaseFile(jdbcUrl);
        return "sqlite " + (file == null ? ":memory:" : file.toString());
    }

    /** The text form the timestamp columns keep (TIME_FORMAT), to the millisecond. */
    @Override
    String currentTimestamp() {
        return "strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')";
    }
}
