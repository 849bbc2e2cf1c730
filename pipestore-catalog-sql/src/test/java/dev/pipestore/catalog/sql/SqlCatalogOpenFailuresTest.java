package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.StoreException;
import dev.pipestore.testing.sql.MariaDbDatabaseExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Misconfigured catalogs fail at open(), within seconds, with a message that says what is wrong and hides the password. */
class SqlCatalogOpenFailuresTest {

    private static final String PASSWORD = "Sekr3t-Pa55word";
    private static final Duration FAST = Duration.ofSeconds(5);

    @RegisterExtension
    static final PostgresDatabaseExtension POSTGRES = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MariaDbDatabaseExtension MARIADB = new MariaDbDatabaseExtension();

    @TempDir
    Path directory;

    @Test
    void wrongPasswordOnMariaDbIsUnavailableNamingTheUserButNotThePassword() {
        StoreException failure = failsFast(() -> SqlCatalog.open(
                new SqlCatalogSettings(MARIADB.jdbcUrl(), "root", PASSWORD, 2, 0), true));

        assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("mariadb 127.0.0.1:3306/" + MARIADB.databaseName())
                .hasMessageContaining("Access denied for user 'root'");
        assertNoSecret(failure, PASSWORD);
    }

    @Test
    void closedPortOnPostgresIsUnavailableWithConnectionRefused() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/pipeline?password=" + PASSWORD;

        StoreException failure = failsFast(() -> SqlCatalog.open(new SqlCatalogSettings(url, "postgres", PASSWORD, 2, 0), true));

        assertThat(failure).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("connection refused");
        assertThat(((BackendUnavailableException) failure).backend()).startsWith("catalog postgresql 127.0.0.1:");
        assertNoSecret(failure, PASSWORD);
    }

    @Test
    void closedPortOnMariaDbIsUnavailableWithConnectionRefused() throws IOException {
        String url = "jdbc:mariadb://127.0.0.1:" + closedPort() + "/pipeline";

        StoreException failure = failsFast(() -> SqlCatalog.open(new SqlCatalogSettings(url, "root", PASSWORD, 2, 0), true));

        assertThat(failure).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("connection refused");
        assertNoSecret(failure, PASSWORD);
    }

    @Test
    void unknownPostgresDatabaseIsUnavailableSayingItDoesNotExist() {
        String url = POSTGRES.jdbcUrlFor("pipestore_no_such_database");

        StoreException failure = failsFast(() -> SqlCatalog.open(new SqlCatalogSettings(url, "postgres", null, 2, 0), true));

        assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("database \"pipestore_no_such_database\" does not exist");
    }

    @Test
    void unknownMariaDbDatabaseIsUnavailableSayingItIsUnknown() {
        String url = MARIADB.jdbcUrlFor("pipestore_no_such_database");

        StoreException failure = failsFast(() -> SqlCatalog.open(new SqlCatalogSettings(url, "root", null, 2, 0), true));

        assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("Unknown database 'pipestore_no_such_database'");
    }

    @Test
    void unknownPostgresUserIsUnavailableNamingTheUser() {
        StoreException failure = failsFast(() -> SqlCatalog.open(
                new SqlCatalogSettings(POSTGRES.jdbcUrl(), "nobody_here", PASSWORD, 2, 0), true));

        assertThat(failure).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("nobody_here");
        assertNoSecret(failure, PASSWORD);
    }

    @Test
    void malformedPostgresUrlIsInvalidInputNamingTheUrlWithoutPassword() {
        String url = "jdbc:postgresql://127.0.0.1:notaport/pipeline?password=" + PASSWORD;

        StoreException failure = failsFast(() -> SqlCatalog.open(new SqlCatalogSettings(url, "postgres", null, 2, 0), true));

        assertThat(failure).isInstanceOf(InvalidInputException.class).hasMessageContaining("127.0.0.1:notaport")
                .hasMessageContaining("driver does not accept");
        assertNoSecret(failure, PASSWORD);
    }

    @Test
    void malformedMariaDbUrlIsRefusedClearly() {
        String url = "jdbc:mariadb://127.0.0.1:abc/pipeline";

        StoreException failure = failsFast(() -> SqlCatalog.open(new SqlCatalogSettings(url, "root", PASSWORD, 2, 0), true));

        assertThat(failure.getMessage()).contains("127.0.0.1:abc");
        assertNoSecret(failure, PASSWORD);
    }

    @Test
    void unsupportedDatabaseIsInvalidInputListingTheSupportedOnes() {
        StoreException failure = failsFast(() -> SqlCatalog.open(
                new SqlCatalogSettings("jdbc:oracle:thin:scott/" + PASSWORD + "@db:1521:orcl", "scott", PASSWORD, 2, 0), true));

        assertThat(failure).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("jdbcUrl"))
                .hasMessageContaining("jdbc:postgresql:").hasMessageContaining("jdbc:sqlite:");
        assertNoSecret(failure, PASSWORD);
    }

    @Test
    void sqliteFileWhoseDirectoryCannotBeCreatedIsUnavailableNamingThePath() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
        String url = "jdbc:sqlite:" + notADirectory.resolve("catalog.db");

        StoreException failure = failsFast(() -> SqlCatalog.open(new SqlCatalogSettings(url, null, null, 2, 0), true));

        assertThat(failure).isInstanceOf(BackendUnavailableException.class).hasMessageContaining(notADirectory.toString());
    }

    @Test
    void sqliteFileThatIsNotADatabaseIsUnavailable() throws IOException {
        Path garbage = Files.writeString(directory.resolve("catalog.db"), "this is not a database file, not at all ".repeat(50));

        StoreException failure = failsFast(() -> SqlCatalog.open(new SqlCatalogSettings("jdbc:sqlite:" + garbage, null, null, 2, 0),
                true));

        assertThat(failure).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("sqlite " + garbage);
    }

    private static StoreException failsFast(ThrowingCallable open) {
        long start = System.nanoTime();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(open);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(thrown).isInstanceOf(StoreException.class);
        assertThat(took).isLessThan(FAST);
        return (StoreException) thrown;
    }

    /** Neither the message nor any cause's message nor the stack trace as a whole shows the password. */
    private static void assertNoSecret(Throwable failure, String password) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(password);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
