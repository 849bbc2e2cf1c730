package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.StoreException;
import dev.pipestore.catalog.SchemaStatus;
import dev.pipestore.catalog.SchemaStatus.State;
import dev.pipestore.testing.sql.MariaDbDatabaseExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Catalog.schema()} on every dialect: empty, behind, current, ahead of this code, and failed part-way; on PostgreSQL
 * also blocked by the user's grants.
 */
class SchemaStatusTest {

    abstract static class OnADialect {

        abstract SqlCatalogSettings settings();

        abstract String folder();

        @Test
        void anEmptyDatabaseHasEveryMigrationPendingAndReadingThatWritesNothing() throws SQLException {
            try (SqlCatalog catalog = SqlCatalog.open(settings(), false)) {
                SchemaStatus status = catalog.schema();

                assertThat(status.state()).isEqualTo(State.PENDING);
                assertThat(status.version()).isNull();
                assertThat(status.pending()).isEqualTo(Integer.parseInt(status.latest()));
                assertThat(status.summary()).startsWith("empty, " + status.pending() + " migrations to apply");
                assertThat(catalog.schema()).isEqualTo(status);
            }
            assertThat(tableCount()).as("tables after reading the status of an empty database").isZero();
        }

        @Test
        void aDatabaseMigratedPartWayIsBehindThenCurrentOnceMigrated() {
            Flyway.configure(getClass().getClassLoader()).dataSource(settings().jdbcUrl(), settings().user(), settings().password())
                    .locations("classpath:db/migration/" + folder()).target("4").load().migrate();
            try (SqlCatalog catalog = SqlCatalog.open(settings(), false)) {
                SchemaStatus behind = catalog.schema();
                assertThat(behind.state()).isEqualTo(State.PENDING);
                assertThat(behind.version()).isEqualTo("4");
                assertThat(behind.pending()).isEqualTo(Integer.parseInt(behind.latest()) - 4);

                catalog.migrate();

                SchemaStatus current = catalog.schema();
                assertThat(current).isEqualTo(new SchemaStatus(behind.latest(), behind.latest(), 0, State.CURRENT));
                assertThat(current.summary()).isEqualTo("version " + current.latest() + ", current");
            }
        }

        @Test
        void aMigrationThisCodeDoesNotKnowIsAheadAndAFailedOneIsFailed() throws SQLException {
            try (SqlCatalog catalog = SqlCatalog.open(settings(), true)) {
                String latest = catalog.schema().latest();
                recordMigration("900", true);

                assertThat(catalog.schema().state()).isEqualTo(State.AHEAD);
                assertThat(catalog.schema().version()).isEqualTo("900");
                assertThat(catalog.schema().summary()).contains("newer than this pipestore knows (" + latest + ")");

                recordMigration("901", false);

                assertThat(catalog.schema().state()).isEqualTo(State.FAILED);
                assertThat(catalog.schema().summary()).startsWith("version 901 failed part-way");
            }
        }

        @Test
        void tablesWithoutTheirSchemaHistoryAreUntracked() throws SQLException {
            try (SqlCatalog catalog = SqlCatalog.open(settings(), true)) {
                try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                    statement.executeUpdate("DROP TABLE flyway_schema_history");
                }

                assertThat(catalog.schema().state()).isEqualTo(State.UNTRACKED);
                assertThat(catalog.schema().summary()).contains("without the Flyway schema history table");
            }
        }

        /** A row in Flyway's history as a newer pipestore would have left it. */
        private void recordMigration(String version, boolean success) throws SQLException {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                        + " checksum, installed_by, execution_time, success) VALUES (" + version + ", '" + version
                        + "', 'from the future', 'SQL', 'V" + version + "__from_the_future.sql', 1, 'test', 1, "
                        + (success ? "TRUE" : "FALSE") + ")");
            }
        }

        private long tableCount() throws SQLException {
            String sql = switch (folder()) {
                case "sqlite" -> "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
                case "postgresql" -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()";
                default -> "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()";
            };
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    var rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection(settings().jdbcUrl(), settings().user(), settings().password());
        }
    }

    @Nested
    class OnSqlite extends OnADialect {

        @TempDir
        Path directory;

        @Override
        SqlCatalogSettings settings() {
            return new SqlCatalogSettings("jdbc:sqlite:" + directory.resolve("catalog.db"), null, null, 2, 0);
        }

        @Override
        String folder() {
            return "sqlite";
        }
    }

    @Nested
    class OnPostgres extends OnADialect {

        @RegisterExtension
        final PostgresDatabaseExtension database = new PostgresDatabaseExtension();

        @Override
        SqlCatalogSettings settings() {
            return new SqlCatalogSettings(database.jdbcUrl(), database.user(), database.password(), 2, 0);
        }

        @Override
        String folder() {
            return "postgresql";
        }
    }

    /** PostgreSQL, where a user without grants is quick to make and its grants can be read exactly. */
    @Nested
    class OnPostgresAsAUserWithoutGrants {

        @RegisterExtension
        final PostgresDatabaseExtension database = new PostgresDatabaseExtension();

        private final String user = "pipestore_no_grants_" + Long.toHexString(System.nanoTime());

        @BeforeEach
        void createUser() throws SQLException {
            asOwner("CREATE ROLE " + user + " LOGIN");
        }

        @AfterEach
        void dropUser() throws SQLException {
            asOwner("DROP OWNED BY " + user, "DROP ROLE " + user);
        }

        @Test
        void aCurrentSchemaWhoseTablesTheUserCannotReadIsRefusedNamingTheTable() throws SQLException {
            try (SqlCatalog catalog = SqlCatalog.open(owner(), true)) {
                assertThat(catalog.schema().state()).isEqualTo(State.CURRENT);
            }
            asOwner("GRANT SELECT ON flyway_schema_history TO " + user);

            try (SqlCatalog catalog = SqlCatalog.open(asUser(), false)) {
                assertThatThrownBy(catalog::schema).isInstanceOf(StoreException.class)
                        .hasMessageContaining("the schema is current, but table audio_files cannot be read");
            }
        }

        /** PostgreSQL 15 and later give only the database's owner CREATE on {@code public}: a common first-deploy failure. */
        @Test
        void anEmptyDatabaseTheUserMayNotCreateTablesInIsBlockedNamingTheGrantUntilItIsGiven() throws SQLException {
            try (SqlCatalog catalog = SqlCatalog.open(asUser(), false)) {
                SchemaStatus blocked = catalog.schema();

                assertThat(blocked.state()).isEqualTo(State.BLOCKED);
                assertThat(blocked.pending()).isEqualTo(Integer.parseInt(blocked.latest()));
                assertThat(blocked.blocker()).isEqualTo("user " + user + " may not create tables in schema public; GRANT"
                        + " CREATE ON SCHEMA public TO " + user + ", or run 'pipestore migrate' as the schema's owner");
                assertThat(blocked.summary()).startsWith("empty, " + blocked.pending() + " migrations to apply, but they"
                        + " would fail: user " + user);
                assertThatThrownBy(() -> SqlCatalog.open(asUser(), true)).as("opening, which migrates")
                        .isInstanceOf(StoreException.class).hasMessageContaining("schema migration failed (user " + user
                                + " may not create tables in schema public; GRANT CREATE ON SCHEMA public TO " + user);

                asOwner("GRANT CREATE ON SCHEMA public TO " + user);

                assertThat(catalog.schema().state()).isEqualTo(State.PENDING);
                catalog.migrate();
                assertThat(catalog.schema().state()).as("migrated by the user once granted").isEqualTo(State.CURRENT);
            }
        }

        @Test
        void pendingMigrationsOfTablesAnotherUserOwnsAreBlockedNamingTheOwner() throws SQLException {
            Flyway.configure(getClass().getClassLoader()).dataSource(database.jdbcUrl(), database.user(), database.password())
                    .locations("classpath:db/migration/postgresql").target("4").load().migrate();
            asOwner("GRANT CREATE ON SCHEMA public TO " + user, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + user);

            try (SqlCatalog catalog = SqlCatalog.open(asUser(), false)) {
                SchemaStatus blocked = catalog.schema();

                assertThat(blocked.state()).isEqualTo(State.BLOCKED);
                assertThat(blocked.version()).isEqualTo("4");
                assertThat(blocked.blocker()).isEqualTo("pipestore's tables belong to " + database.user() + ", and user "
                        + user + " may not alter them; run 'pipestore migrate' as " + database.user());
            }
            try (SqlCatalog catalog = SqlCatalog.open(owner(), false)) {
                assertThat(catalog.schema().state()).as("the owner may apply them").isEqualTo(State.PENDING);
            }
        }

        /** Later migrations add tables: owning the existing ones is not enough once CREATE on the schema is taken away. */
        @Test
        void anUpgradeByTheTablesOwnerWithoutCreateOnTheSchemaIsBlocked() throws SQLException {
            asOwner("GRANT CREATE ON SCHEMA public TO " + user);
            Flyway.configure(getClass().getClassLoader()).dataSource(database.jdbcUrl(), user, null)
                    .locations("classpath:db/migration/postgresql").target("4").load().migrate();
            asOwner("REVOKE CREATE ON SCHEMA public FROM " + user);

            try (SqlCatalog catalog = SqlCatalog.open(asUser(), false)) {
                SchemaStatus blocked = catalog.schema();

                assertThat(blocked.state()).isEqualTo(State.BLOCKED);
                assertThat(blocked.version()).isEqualTo("4");
                assertThat(blocked.blocker()).startsWith("user " + user + " may not create tables in schema public");
            }
        }

        private SqlCatalogSettings owner() {
            return new SqlCatalogSettings(database.jdbcUrl(), database.user(), database.password(), 2, 0);
        }

        private SqlCatalogSettings asUser() {
            return new SqlCatalogSettings(database.jdbcUrl(), user, null, 2, 0);
        }

        private void asOwner(String... statements) throws SQLException {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                    Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
            }
        }
    }

    @Nested
    class OnMariaDb extends OnADialect {

        @RegisterExtension
        final MariaDbDatabaseExtension database = new MariaDbDatabaseExtension();

        @Override
        SqlCatalogSettings settings() {
            return new SqlCatalogSettings(database.jdbcUrl(), database.user(), database.password(), 2, 0);
        }

        @Override
        String folder() {
            return "mysql";
        }
    }
}
