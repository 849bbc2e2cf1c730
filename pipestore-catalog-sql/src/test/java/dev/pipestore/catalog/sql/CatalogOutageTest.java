package dev.pipestore.catalog.sql;

import dev.pipestore.testing.net.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.testing.sql.MariaDbDatabaseExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database that goes away while the catalog is open, or stops answering, gives a quick BackendUnavailableException
 * (within the query timeout for a silent one), and the catalog recovers when it is back.
 */
// A separate thread, so a call stuck on a silent socket (what the stall tests guard against) fails the test, not CI.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CatalogOutageTest {

    @RegisterExtension
    static final PostgresDatabaseExtension POSTGRES = new PostgresDatabaseExtension();

    @RegisterExtension
    static final MariaDbDatabaseExtension MARIADB = new MariaDbDatabaseExtension();

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void postgresOutageIsUnavailableWithinSecondsAndTheCatalogRecovers() throws Exception {
        try (TcpProxy proxy = new TcpProxy(5432).start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + POSTGRES.databaseName();
            survivesAnOutage(proxy, new SqlCatalogSettings(url, POSTGRES.user(), POSTGRES.password(), 2, 1));
        }
    }

    @Test
    void mariaDbOutageIsUnavailableWithinSecondsAndTheCatalogRecovers() throws Exception {
        try (TcpProxy proxy = new TcpProxy(3306).start()) {
            String url = "jdbc:mariadb://127.0.0.1:" + proxy.port() + "/" + MARIADB.databaseName();
            survivesAnOutage(proxy, new SqlCatalogSettings(url, MARIADB.user(), MARIADB.password(), 2, 1));
        }
    }

    @Test
    void postgresThatStopsAnsweringIsUnavailableWithinTheQueryTimeoutAndTheCatalogRecovers() throws Exception {
        try (TcpProxy proxy = new TcpProxy(5432).start()) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + POSTGRES.databaseName();
            survivesAStall(proxy, new SqlCatalogSettings(url, POSTGRES.user(), POSTGRES.password(), 2, 1, QUERY_TIMEOUT));
        }
    }

    @Test
    void mariaDbThatStopsAnsweringIsUnavailableWithinTheQueryTimeoutAndTheCatalogRecovers() throws Exception {
        try (TcpProxy proxy = new TcpProxy(3306).start()) {
            String url = "jdbc:mariadb://127.0.0.1:" + proxy.port() + "/" + MARIADB.databaseName();
            survivesAStall(proxy, new SqlCatalogSettings(url, MARIADB.user(), MARIADB.password(), 2, 1, QUERY_TIMEOUT));
        }
    }

    @Test
    void postgresThatAcceptsButNeverAnswersFailsTheOpeningWithinSeconds() throws Exception {
        try (TcpProxy proxy = new TcpProxy(5432).start()) {
            proxy.stall();
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + POSTGRES.databaseName();
            opensUnavailableQuickly(new SqlCatalogSettings(url, POSTGRES.user(), POSTGRES.password(), 2, 1, QUERY_TIMEOUT));
        }
    }

    @Test
    void mariaDbThatAcceptsButNeverAnswersFailsTheOpeningWithinSeconds() throws Exception {
        try (TcpProxy proxy = new TcpProxy(3306).start()) {
            proxy.stall();
            String url = "jdbc:mariadb://127.0.0.1:" + proxy.port() + "/" + MARIADB.databaseName();
            opensUnavailableQuickly(new SqlCatalogSettings(url, MARIADB.user(), MARIADB.password(), 2, 1, QUERY_TIMEOUT));
        }
    }

    private static void opensUnavailableQuickly(SqlCatalogSettings settings) {
        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> SqlCatalog.open(settings, true).close());
        assertThat(failure).isInstanceOf(BackendUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    /** Without a bound the first call below would wait for an answer forever (the sockets stay open). */
    private static void survivesAStall(TcpProxy proxy, SqlCatalogSettings settings) throws Exception {
        try (Catalog catalog = SqlCatalog.open(settings, true)) {
            catalog.audioFiles().find(UUID.randomUUID());

            proxy.stall();
            try {
                assertUnavailableQuickly(() -> catalog.audioFiles().find(UUID.randomUUID()));
                assertUnavailableQuickly(() -> catalog.audioFiles().list(AudioFileQuery.all(), PageRequest.firstPage()));
            } finally {
                proxy.resume();
            }

            awaitRecovery(catalog);
            assertThat(catalog.audioFiles().find(UUID.randomUUID())).isEmpty();
        }
    }

    private static void survivesAnOutage(TcpProxy proxy, SqlCatalogSettings settings) throws Exception {
        try (Catalog catalog = SqlCatalog.open(settings, true)) {
            catalog.ping();

            proxy.cut();

            assertThat(assertUnavailableQuickly(() -> catalog.audioFiles().find(UUID.randomUUID())))
                    .hasMessageContaining("connection to the database lost");
            assertUnavailableQuickly(() -> catalog.audioFiles().list(AudioFileQuery.all(), PageRequest.firstPage()));
            assertUnavailableQuickly(catalog::ping);

            proxy.start();

            awaitRecovery(catalog);
            assertThat(catalog.audioFiles().find(UUID.randomUUID())).isEmpty();
        }
    }

    /** The pool backs off between reconnection attempts (up to its 3 s connection timeout), so allow a few tries. */
    private static void awaitRecovery(Catalog catalog) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                catalog.ping();
                return;
            } catch (BackendUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Throwable assertUnavailableQuickly(Runnable call) {
        long start = System.nanoTime();
        Throwable failure = catchThrowable(call::run);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure).isInstanceOf(BackendUnavailableException.class).hasMessageContaining("unavailable");
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        return failure;
    }
}
