package dev.pipestore.catalog.sql;

import com.zaxxer.hikari.HikariDataSource;
import dev.pipestore.BackendUnavailableException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The connection pool with the dialect: runs work on a connection, in a transaction when it writes, and turns the
 * SQL errors it expects into pipestore's exceptions.
 */
final class Database implements AutoCloseable {

    /**
     * How many times {@link #run} and {@link #inTransaction} run their work at most when the database ends it as the
     * victim of a deadlock: rolled back, it left nothing, and the databases' own advice is to retry. Deadlocks come from
     * lock orders no single caller can fix: concurrent claimers, or a child row's foreign-key check against a deletion
     * of its parent that scans the child table.
     */
    static final int DEADLOCK_ATTEMPTS = 3;

    /** Work done on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Parameters {
        void bind(Binder binder) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /** Binds the parameters of one row of a batch. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(Binder binder, T row) throws SQLException;
    }

    /** Rows sent per executeBatch: bounds driver memory on very large batches while keeping round trips few. */
    static final int BATCH_CHUNK = 1000;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;
    private final String password;
    private final Duration queryTimeout;

    Database(HikariDataSource pool, Dialect dialect, String description, String password, Duration queryTimeout) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
        this.password = password;
        this.queryTimeout = queryTimeout;
    }

    Dialect dialect() {
        return dialect;
    }

    HikariDataSource pool() {
        return pool;
    }

    String description() {
        return description;
    }

    /**
     * Runs {@code work} in auto-commit mode: for reads and single statements (a statement that ends as a deadlock
     * victim is run again, so work must not commit a first statement and then fail on a second).
     */
    <T> T run(String action, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                dialect.limitWait(connection, queryTimeout);
                return work.run(connection);
            } catch (SQLException e) {
                if (attempt < DEADLOCK_ATTEMPTS && anyInChain(e, dialect::isDeadlock)) {
                    continue;
                }
                throw translate(action, e);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws, and run again when
     * the database ends it as a deadlock victim (up to {@value #DEADLOCK_ATTEMPTS} times in all).
     */
    <T> T inTransaction(String action, Work<T> work) {
        return inTransaction(action, work, DEADLOCK_ATTEMPTS);
    }

    /** As {@link #inTransaction(String, Work)}, run at most {@code attempts} times in all. */
    <T> T inTransaction(String action, Work<T> work, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                dialect.limitWait(connection, queryTimeout);
                dialect.begin(connection);
                T result;
                try {
                    result = work.run(connection);
                    dialect.commit(connection);
                } catch (SQLException | RuntimeException | Error e) {
                    rollback(connection, e);
                    throw e;
                }
                return result;
            } catch (SQLException e) {
                if (attempt < attempts && anyInChain(e, dialect::isDeadlock)) {
                    continue;
                }
                throw translate(action, e);
            }
        }
    }

    private void rollback(Connection connection, Throwable failure) {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            // The transaction's state is unknown (the database may have ended it already): never reuse the connection.
            failure.addSuppressed(e);
            pool.evictConnection(connection);
        }
    }

    <T> List<T> query(Connection connection, String sql, Parameters parameters, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(new Binder(dialect, statement));
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                Row row = new Row(dialect, rows);
                while (rows.next()) {
                    result.add(mapper.map(row));
                }
                return result;
            }
        }
    }

    <T> Optional<T> queryOne(Connection connection, String sql, Parameters parameters, RowMapper<T> mapper)
            throws SQLException {
        List<T> rows = query(connection, sql, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Inserts {@code rows} with one prepared statement, sent every {@value #BATCH_CHUNK} rows. Run it inside
     * {@link #inTransaction} so the batch is all-or-nothing. A row whose values the binder refuses is named as
     * {@code name[i].field}.
     */
    <T> void insertBatch(Connection connection, String sql, String name, List<T> rows, RowBinder<T> binder)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows.size(); i++) {
                try {
                    binder.bind(new Binder(dialect, statement), rows.get(i));
                } catch (InvalidInputException e) {
                    throw e.inItem(name, i);
                }
                statement.addBatch();
                if ((i + 1) % BATCH_CHUNK == 0 || i == rows.size() - 1) {
                    statement.executeBatch();
                }
            }
        }
    }

    int update(Connection connection, String sql, Parameters parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(new Binder(dialect, statement));
            return statement.executeUpdate();
        }
    }

    /** Whether a row with this id exists in {@code table}. */
    boolean exists(String action, String table, UUID id) {
        return run(action, c -> !query(c, "SELECT 1 FROM " + table + " WHERE id = ?", b -> b.uuid(id), r -> 1).isEmpty());
    }

    /** The pipestore exception for a failed {@code action}; constraint violations become {@link ConstraintViolation}. */
    RuntimeException translate(String action, SQLException e) {
        if (pool.isClosed()) {
            return new StoreException("catalog " + description + " is closed; cannot " + action, e);
        }
        if (anyInChain(e, dialect::isStatementTooLarge)) {
            // Checked first: MariaDB reports it as a broken connection, but the database is fine and a retry fails alike.
            return new StatementTooLarge("the catalog refused to " + action + ": the write is larger than"
                    + " the database takes in one statement (" + FailureReasons.clean(String.valueOf(e.getMessage()), password)
                    + "); store less at once, or raise the database's limit", e);
        }
        if (anyInChain(e, dialect::isUnavailable)) {
            return unavailable(e);
        }
        Dialect.Violation violation = violation(e);
        String reason = FailureReasons.clean(String.valueOf(e.getMessage()), password);
        return switch (violation) {
            case UNIQUE, FOREIGN_KEY -> new ConstraintViolation(violation, "cannot " + action + ": " + reason, e);
            case INVALID_VALUE -> new InvalidInputException("value", "the catalog refused to " + action + ": " + reason, e);
            case NONE -> new StoreException("catalog " + description + ": cannot " + action + ": " + reason, e);
        };
    }

    BackendUnavailableException unavailable(Throwable e) {
        return new BackendUnavailableException("catalog " + description, FailureReasons.reason(e, password), e);
    }

    /** Batch failures wrap the statement's own error; look through the chain for the first one we recognise. */
    private Dialect.Violation violation(SQLException e) {
        for (SQLException sql : chain(e)) {
            Dialect.Violation violation = dialect.violation(sql);
            if (violation != Dialect.Violation.NONE) {
                return violation;
            }
        }
        return Dialect.Violation.NONE;
    }

    private static boolean anyInChain(SQLException e, Predicate<SQLException> test) {
        return chain(e).stream().anyMatch(test);
    }

    private static List<SQLException> chain(SQLException e) {
        List<SQLException> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 20; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                chain.add(sql);
                if (sql.getNextException() != null && sql.getNextException() != sql.getCause()) {
                    chain.add(sql.getNextException());
                }
            }
        }
        return chain;
    }

    @Override
    public void close() {
        pool.close();
    }
}
