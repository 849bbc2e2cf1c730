package dev.pipestore.catalog.sql;

import com.zaxxer.hikari.HikariConfig;
import dev.pipestore.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What differs between the SQL databases the catalog runs on: drivers and pool settings, how UUIDs, times and JSON
 * are bound, how errors are told apart, how claims lock rows, full-text search ({@link FullText}), and the one query
 * that has a better native form. Everything else is shared.
 */
abstract sealed class Dialect permits PostgresDialect, MariaDbDialect, SqliteDialect {

    /** What kind of constraint a failed statement broke. */
    enum Violation {
        UNIQUE,
        FOREIGN_KEY,
        /** A NOT NULL, CHECK, length or type rule: the value itself is unacceptable. */
        INVALID_VALUE,
        NONE
    }

    /** Picks the dialect from the JDBC URL's prefix. */
    static Dialect forUrl(String jdbcUrl, String password) {
        String lower = jdbcUrl.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return new MariaDbDialect();
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect();
        }
        throw new InvalidInputException("jdbcUrl", "unsupported JDBC URL " + Redaction.redact(jdbcUrl, password)
                + ", expected one starting with jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:sqlite:");
    }

    /** The database family, for example {@code postgresql}; used in messages. */
    abstract String name();

    /** The folder under {@code db/migration} holding this dialect's Flyway scripts. */
    abstract String migrationFolder();

    abstract String driverClassName();

    /** The URL handed to the driver; the configured one unless the driver needs another spelling. */
    String driverUrl(String configuredUrl) {
        return configuredUrl.strip();
    }

    /**
     * Adds driver properties and connection set-up; a setting the URL already gives is left to the URL.
     *
     * @param connectTimeout how long the driver may try to open one connection, so an unreachable server fails fast
     */
    abstract void configurePool(HikariConfig config, String driverUrl, Duration connectTimeout);

    /** The placeholder for a JSON parameter bound as text. */
    String jsonParameter() {
        return "?";
    }

    void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setString(index, value == null ? null : value.toString());
    }

    UUID getUuid(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : UUID.fromString(text);
    }

    abstract void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    abstract Instant getInstant(ResultSet rows, String column) throws SQLException;

    /**
     * Bounds how long {@code connection} waits for the server's answer, so a hung server or a network that drops
     * packets fails the statement (as unavailable) instead of holding the caller; the pool restores the connection's
     * own setting when it is returned.
     */
    void limitWait(Connection connection, Duration timeout) throws SQLException {
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        } catch (SQLException e) {
            if (connection.isClosed()) {
                // The pool handed out a connection the database dropped (an outage between its checks): say so in
                // SQLState 08003, "connection does not exist", so the caller gets a 503 and the pool a new one.
                throw new SQLNonTransientConnectionException("connection to the database lost: " + e.getMessage(), "08003", e);
            }
            throw e;
        }
    }

    void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    void rollback(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    abstract Violation violation(SQLException e);

    /**
     * What follows the claim's row pick so that concurrent claimers pass over each other's rows rather than wait for
     * them or take them too; empty where transactions are serialised anyway.
     */
    String skipLocked() {
        return " FOR UPDATE SKIP LOCKED";
    }

    /** What follows a {@code SELECT} to lock the rows it reads until the transaction ends; empty where transactions
     * are serialised anyway. */
    String forUpdate() {
        return " FOR UPDATE";
    }

    /** Runs first in a claim transaction, before any statement; sets what the claim needs of the transaction. */
    void beforeClaim(Connection connection) throws SQLException {
        // nothing by default
    }

    /** How this database finds, ranks and highlights text. */
    abstract FullText fullText();

    /**
     * Whether {@code e} means one statement was larger than the database takes in one message: a fault of that write,
     * which the database may report as a broken connection.
     */
    boolean isStatementTooLarge(SQLException e) {
        return false;
    }

    /** Whether {@code e} means the database cannot be reached or refuses us, rather than a fault in one statement. */
    boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || (state != null && (state.startsWith("08") || state.startsWith("28")));
    }

    /**
     * The newest row of {@code table} for each model version of one audio file (a {@code null} version is one group);
     * one {@code ?} parameter, the audio file id. Window functions work on all three databases.
     */
    String latestPerModelVersion(String table, String columns) {
        return "SELECT " + columns + " FROM (SELECT " + columns + ", ROW_NUMBER() OVER (PARTITION BY model_version"
                + " ORDER BY created_at DESC, id DESC) AS pipestore_rank FROM " + table + " WHERE audio_file_id = ?) ranked"
                + " WHERE pipestore_rank = 1 ORDER BY created_at DESC, id DESC";
    }

    /**
     * Whether the database rolled the transaction back to break a deadlock or a serialization conflict, so that running
     * it again can succeed: SQLSTATE 40001 (MySQL and MariaDB deadlocks, PostgreSQL serialization failures) or 40P01
     * (PostgreSQL deadlocks).
     */
    boolean isDeadlock(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    /** SQL for the database's current time, read back as an instant like the timestamp columns. */
    abstract String currentTimestamp();

    /**
     * Why the connection's user could not apply pending migrations, read from the database's grants without trying;
     * empty when nothing is known to stand in the way. {@code schemaExists}: pipestore's tables are there, so the
     * migrations would alter them rather than create them. Only PostgreSQL can tell this reliably; elsewhere the
     * migration's own error says it.
     */
    Optional<String> migrationBlocker(Connection connection, boolean schemaExists) throws SQLException {
        return Optional.empty();
    }

    /**
     * Whether a pool that could not open its first connection for {@code e} may soon succeed if it tries again: a
     * database file that another process is setting up, say. Servers answer or refuse; they are not retried.
     */
    boolean isWorthReopening(Throwable e) {
        return false;
    }

    /** For people: which database, on which server, as which user; never the password. */
    String describe(String jdbcUrl, String user) {
        String url = jdbcUrl.strip();
        int schemeEnd = url.indexOf(':', 5);
        String scheme = url.substring(5, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + 1);
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int query = indexOfAny(rest, "?;");
        String location = query < 0 ? rest : rest.substring(0, query);
        int at = location.lastIndexOf('@');
        if (at >= 0) {
            location = location.substring(at + 1);
        }
        return scheme + " " + location + (user == null || user.isEmpty() ? "" : " (user " + user + ")");
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
