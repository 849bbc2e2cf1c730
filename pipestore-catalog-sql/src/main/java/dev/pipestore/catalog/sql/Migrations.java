package dev.pipestore.catalog.sql;

import dev.pipestore.StoreException;
import dev.pipestore.catalog.SchemaStatus;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Applies the dialect's Flyway migrations ({@code db/migration/<dialect>}), and the Java ones every dialect shares, to
 * the catalog database.
 */
final class Migrations {

    private Migrations() {}

    /** Applies what is pending and returns how many migrations ran; zero when the schema is current. */
    static int apply(Database database, String password) {
        Flyway flyway = flyway(database);
        // PostgreSQL and MariaDB serialise concurrent migrations with a server lock Flyway takes; SQLite has none, so
        // two processes starting on a fresh file would both apply V1. A file lock stands in for the server lock.
        MigrationLock lock = MigrationLock.acquire(database.dialect(), database.pool().getJdbcUrl());
        try {
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw failure(database, password, "schema migration failed" + blockerOf(database, e), e);
        } finally {
            lock.close();
        }
    }

    /** Why the user could not migrate, read from its grants, as a clause to add to the database's own error. */
    private static String blockerOf(Database database, FlywayException failure) {
        SQLException sql = sqlCause(failure);
        if (sql != null && database.dialect().isUnavailable(sql)) {
            return "";
        }
        try {
            return database.run("read the grants migrations need", c -> database.dialect().migrationBlocker(c,
                    readable(database, "audio_files"))).map(why -> " (" + why + ")").orElse("");
        } catch (RuntimeException e) {
            return ""; // the migration's own error is what matters; this was only a hint
        }
    }

    /** Reads the schema history against the migrations carried here; writes nothing, not even the history table. */
    static SchemaStatus status(Database database, String password) {
        MigrationInfoService info;
        try {
            info = flyway(database).info();
        } catch (FlywayException e) {
            throw failure(database, password, "could not read the schema history", e);
        }
        MigrationInfo[] all = info.all();
        String latest = Arrays.stream(all).filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).map(MigrationVersion::getVersion).orElse("none");
        Optional<MigrationInfo> failed = Arrays.stream(all).filter(m -> m.getState().isFailed()).findFirst();
        if (failed.isPresent()) {
            return new SchemaStatus(versionOf(failed.get()), latest, info.pending().length, SchemaStatus.State.FAILED);
        }
        String version = info.current() == null ? null : versionOf(info.current());
        int pending = info.pending().length;
        if (version == null && readable(database, "audio_files")) {
            // Flyway refuses a non-empty schema without its history: every open would fail.
            return new SchemaStatus(null, latest, pending, SchemaStatus.State.UNTRACKED);
        }
        if (Arrays.stream(all).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS)) {
            return new SchemaStatus(version, latest, pending, SchemaStatus.State.AHEAD);
        }
        if (pending == 0) {
            requireReadable(database, password);
            return new SchemaStatus(version, latest, 0, SchemaStatus.State.CURRENT);
        }
        Optional<String> blocker = database.run("read the grants migrations need",
                c -> database.dialect().migrationBlocker(c, version != null));
        return blocker.map(why -> new SchemaStatus(version, latest, pending, SchemaStatus.State.BLOCKED, why))
                .orElseGet(() -> new SchemaStatus(version, latest, pending, SchemaStatus.State.PENDING));
    }

    /** The catalog's tables: a current schema is of use only if each can be read (the user may lack the grant). */
    private static final List<String> TABLES = List.of("audio_files", "text_documents", "transcriptions", "translations",
            "analysis_results", "api_keys");

    private static void requireReadable(Database database, String password) {
        for (String table : TABLES) {
            try {
                probe(database, table);
            } catch (StoreException e) {
                throw new StoreException("catalog " + database.description() + ": the schema is current, but table " + table
                        + " cannot be read: " + FailureReasons.reason(e, password), e);
            }
        }
    }

    private static boolean readable(Database database, String table) {
        try {
            probe(database, table);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    /** Reads no row, but fails as any read would when the table is missing or the user may not read it. */
    private static void probe(Database database, String table) {
        database.run("read table " + table, c -> database.query(c, "SELECT 1 FROM " + table + " WHERE 1 = 0", b -> {},
                row -> 1));
    }

    private static Flyway flyway(Database database) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database.pool())
                .locations("classpath:db/migration/" + database.dialect().migrationFolder())
                .failOnMissingLocations(true)
                .javaMigrations(new CanonicalLanguageTagsMigration())
                // Our scripts contain no placeholders; replacing ${...} could only corrupt literal text.
                .placeholderReplacement(false)
                .load();
    }

    private static String versionOf(MigrationInfo migration) {
        return migration.getVersion() == null ? migration.getDescription() : migration.getVersion().getVersion();
    }

    private static RuntimeException failure(Database database, String password, String what, FlywayException e) {
        SQLException sql = sqlCause(e);
        if (sql != null && database.dialect().isUnavailable(sql)) {
            return database.unavailable(e);
        }
        return new StoreException("catalog " + database.description() + ": " + what + ": "
                + FailureReasons.clean(oneLine(String.valueOf(e.getMessage())), password), e);
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
