package dev.pipestore.catalog.sql;

import dev.pipestore.StoreException;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Applies the dialect's Flyway migrations ({@code db/migration/<dialect>}), and the Java ones every dialect shares, to
 * the catalog database.
 */
final class Migrations {

    private Migrations() {}

    /** Applies what is pending and returns how many migrations ran; zero when the schema is current. */
    static int apply(Database database, String password) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database.pool())
                .locations("classpath:db/migration/" + database.dialect().migrationFolder())
                .failOnMissingLocations(true)
                .javaMigrations(new CanonicalLanguageTagsMigration())
                // Our scripts contain no placeholders; replacing ${...} could only corrupt literal text.
                .placeholderReplacement(false)
                .load();
        // PostgreSQL and MariaDB serialise concurrent migrations with a server lock Flyway takes; SQLite has none, so
        // two processes starting on a fresh file would both apply V1. A file lock stands in for the server lock.
        MigrationLock lock = MigrationLock.acquire(database.dialect(), database.pool().getJdbcUrl());
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            SQLException sql = sqlCause(e);
            if (sql != null && database.dialect().isUnavailable(sql)) {
                throw database.unavailable(e);
            }
            throw new StoreException("catalog " + database.description() + ": schema migration failed: "
                    + FailureReasons.clean(oneLine(String.valueOf(e.getMessage())), password), e);
        } finally {
            lock.close();
        }
    }

    /**
     * Flyway's message on one line: it spreads what failed over several ("Migration ... failed", a rule of dashes,
     * "SQL State", "Message: ..."), and a command line or a log shows only the first, which says least.
     */
    static String oneLine(String message) {
        return message.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.matches("-+"))
                .collect(Collectors.joining("; "));
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
