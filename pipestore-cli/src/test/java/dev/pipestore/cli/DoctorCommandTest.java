package dev.pipestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    private static final String SECRET = "hunter2-not-shown";

    @TempDir
    Path dataDir;

    @Test
    void reportsEveryEmbeddedBackendUpWithNothingConfigured() throws Exception {
        CliProcess.Result result = CliProcess.run(Map.of("PIPESTORE_DATA_DIR", dataDir.toString()), "doctor");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("PIPESTORE_DATA_DIR", dataDir.toString())
                .containsPattern("object_store +up .*embedded")
                .containsPattern("catalog +up .*sqlite")
                .containsPattern("cache +up .*embedded")
                .contains("All backends answer.");
    }

    @Test
    void jsonOutputListsEachBackendWithStatusAndLatency() throws Exception {
        CliProcess.Result result = CliProcess.run(Map.of("PIPESTORE_DATA_DIR", dataDir.toString()), "doctor", "--json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode report = Metadata.MAPPER.readTree(result.stdout());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("configuration").get("PIPESTORE_DATA_DIR").asText()).isEqualTo(dataDir.toString());
        assertThat(report.get("backends")).hasSize(3).allSatisfy(backend -> {
            assertThat(backend.get("status").asText()).isEqualTo("up");
            assertThat(backend.get("embedded").asBoolean()).isTrue();
            assertThat(backend.get("latency_ms").isNumber()).isTrue();
        });
    }

    /** Doctor reads the schema without migrating it: pending migrations are reported, and applied by the next open. */
    @Test
    void reportsTheSchemaVersionAndFailsOnASchemaNewerThanItself() throws Exception {
        Map<String, String> env = Map.of("PIPESTORE_DATA_DIR", dataDir.toString());

        CliProcess.Result fresh = CliProcess.run(env, "doctor");
        assertThat(fresh.exitCode()).as(fresh.stderr()).isZero();
        assertThat(fresh.stdout()).containsPattern("Catalog schema: empty, \\d+ migrations to apply");
        assertThat(CliProcess.run(env, "doctor").stdout()).as("doctor migrated nothing").contains("Catalog schema: empty, ");

        assertThat(CliProcess.run(env, "ls").exitCode()).isZero();
        JsonNode current = Metadata.MAPPER.readTree(CliProcess.run(env, "doctor", "--json").stdout()).get("schema");
        assertThat(current.get("state").asText()).isEqualTo("current");
        assertThat(current.get("version").asText()).isEqualTo(current.get("latest").asText());
        assertThat(current.get("pending").asInt()).isZero();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("catalog.db"));
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (900, '900', 'newer', 'SQL', 'V900__newer.sql', 1,"
                    + " 'test', 1, 1)");
        }
        CliProcess.Result ahead = CliProcess.run(env, "doctor");
        JsonNode aheadJson = Metadata.MAPPER.readTree(CliProcess.run(env, "doctor", "--json").stdout());

        assertThat(ahead.exitCode()).isEqualTo(1);
        assertThat(ahead.stdout()).contains("All backends answer.")
                .contains("Catalog schema: version 900 is newer than this pipestore knows (" + current.get("latest").asText() + ")");
        assertThat(aheadJson.get("ok").asBoolean()).isFalse();
        assertThat(aheadJson.get("schema").get("state").asText()).isEqualTo("ahead");
        assertThat(aheadJson.get("schema").get("error").asText()).contains("upgrade this one");
    }

    /** PostgreSQL 15 and later let only a database's owner create tables in public: the first open would fail. */
    @Nested
    class OnPostgresAsAUserWithoutGrants {

        @RegisterExtension
        final PostgresDatabaseExtension database = new PostgresDatabaseExtension();

        @Test
        void failsNamingTheGrantTheMigrationsNeed() throws Exception {
            String user = "pipestore_doctor_" + Long.toHexString(System.nanoTime());
            asOwner("CREATE ROLE " + user + " LOGIN");
            try {
                Map<String, String> env = Map.of("PIPESTORE_DATA_DIR", dataDir.toString(),
                        "DATABASE_URL", "postgresql://" + user + "@127.0.0.1:5432/" + database.databaseName());

                CliProcess.Result text = CliProcess.run(env, "doctor");
                JsonNode json = Metadata.MAPPER.readTree(CliProcess.run(env, "doctor", "--json").stdout()).get("schema");

                assertThat(text.exitCode()).isEqualTo(1);
                assertThat(text.stdout()).contains("All backends answer.").containsPattern("Catalog schema: empty, \\d+"
                        + " migrations to apply, but they would fail: user " + user + " may not create tables in schema"
                        + " public; GRANT CREATE ON SCHEMA public TO " + user);
                assertThat(json.get("state").asText()).isEqualTo("blocked");
                assertThat(json.get("error").asText()).contains("GRANT CREATE ON SCHEMA public TO " + user);
            } finally {
                asOwner("DROP OWNED BY " + user, "DROP ROLE " + user);
            }
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

    /** Ingest and serve refuse to start with a temporary directory they cannot write; doctor says so too. */
    @Test
    void anUnusableTemporaryDirectoryIsReportedAndFailsTheCheck() throws Exception {
        Path file = Files.writeString(dataDir.resolve("a-file"), "x");
        Map<String, String> env = Map.of("PIPESTORE_DATA_DIR", dataDir.resolve("data").toString(),
                "TEMP_STORAGE_PATH", file.resolve("tmp").toString());

        CliProcess.Result text = CliProcess.run(env, "doctor");
        CliProcess.Result json = CliProcess.run(env, "doctor", "--json");

        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.stdout()).contains("All backends answer.").contains("Directories: TEMP_STORAGE_PATH: ");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode report = Metadata.MAPPER.readTree(json.stdout());
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("directories").get("status").asText()).isEqualTo("unusable");
        assertThat(report.get("directories").get("error").asText()).contains("TEMP_STORAGE_PATH");
    }

    @Test
    void exitsNonZeroAndNamesTheBackendThatDoesNotAnswerWithoutItsPassword() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliProcess.Result result = CliProcess.run(Map.of(
                "PIPESTORE_DATA_DIR", dataDir.toString(),
                "DATABASE_URL", "postgresql://postgres:" + SECRET + "@127.0.0.1:" + closedPort + "/test"), "doctor", "--json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout() + result.stderr()).doesNotContain(SECRET);
        JsonNode report = Metadata.MAPPER.readTree(result.stdout());
        assertThat(report.get("ok").asBoolean()).isFalse();
        JsonNode catalog = report.get("backends").get(1);
        assertThat(catalog.get("port").asText()).isEqualTo("catalog");
        assertThat(catalog.get("status").asText()).isEqualTo("down");
        assertThat(catalog.get("error").asText()).contains("DATABASE_URL").contains("127.0.0.1:" + closedPort);
        assertThat(report.get("configuration").get("DATABASE_URL").asText()).contains("***");
        assertThat(report.get("schema").get("state").asText()).isEqualTo("unknown");
        assertThat(report.get("schema").get("error").asText()).contains("the catalog does not answer");
    }

    @Test
    void malformedVariableStopsWithOneLineNamingIt() throws Exception {
        CliProcess.Result result = CliProcess.run(Map.of(
                "PIPESTORE_DATA_DIR", dataDir.toString(), "DATABASE_URL", "oracle://u:" + SECRET + "@h/db"), "doctor");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip()).startsWith("pipestore: DATABASE_URL: unknown scheme 'oracle'").doesNotContain("\n");
        assertThat(result.stdout() + result.stderr()).doesNotContain(SECRET);
    }

    @Test
    void worksWhileAnotherProcessHoldsTheEmbeddedDataDirectory() throws Exception {
        try (PipeStore running = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())))) {
            CliProcess.Result result = CliProcess.run(Map.of("PIPESTORE_DATA_DIR", dataDir.toString()), "doctor");

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(running.health().allUp()).isTrue();
        }
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        CliProcess.Result result = CliProcess.run(Map.of("PIPESTORE_DATA_DIR", dataDir.toString()), "frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("frobnicate");
    }
}
