package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.StoreException;
import dev.pipestore.testing.sql.MariaDbDatabaseExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two transactions that lock two rows in opposite orders deadlock for real; the database rolls one back. Work that may
 * meet this (claims) runs again and succeeds; other work reports the deadlock.
 */
@Timeout(60)
class DeadlockRetryTest {

    abstract static class OnADatabaseWithRowLocks {

        abstract SqlCatalogSettings settings();

        @Test
        void theDeadlockVictimRunsAgainAndBothTransactionsCommit() throws Exception {
            try (SqlCatalog catalog = SqlCatalog.open(settings(), false)) {
                Database database = prepare(catalog);
                AtomicInteger runs = new AtomicInteger();

                inOppositeOrders(database, runs, true);

                List<Integer> counts = database.inTransaction("read the rows", c -> database.query(c,
                        "SELECT n FROM deadlock_rows ORDER BY id", b -> {}, row -> row.integerOrNull("n")));
                assertThat(counts).as("each row bumped once by each transaction").containsExactly(2, 2);
                // At least one ran again; on a loaded machine PostgreSQL may let the victim's rerun take a row back
                // before the survivor wakes, a second deadlock that one more rerun resolves.
                assertThat(runs.get()).as("the victim ran again").isBetween(3, 2 * Database.DEADLOCK_ATTEMPTS);
            }
        }

        @Test
        void withoutRetryingTheVictimIsReported() throws Exception {
            try (SqlCatalog catalog = SqlCatalog.open(settings(), false)) {
                Database database = prepare(catalog);

                assertThatThrownBy(() -> inOppositeOrders(database, new AtomicInteger(), false))
                        .hasCauseInstanceOf(StoreException.class).hasMessageContaining("lock both rows");
            }
        }

        private static Database prepare(SqlCatalog catalog) {
            Database database = catalog.database();
            database.inTransaction("make the rows", c -> {
                database.update(c, "CREATE TABLE deadlock_rows (id INT PRIMARY KEY, n INT NOT NULL)", b -> {});
                return database.update(c, "INSERT INTO deadlock_rows (id, n) VALUES (1, 0), (2, 0)", b -> {});
            });
            return database;
        }

        /** Each transaction locks its first row, waits for the other to lock its own, then asks for the other's. */
        private static List<Integer> inOppositeOrders(Database database, AtomicInteger runs, boolean retrying)
                throws Exception {
            CyclicBarrier bothHoldOne = new CyclicBarrier(2);
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<Integer> first = threads.submit(() -> lockBoth(database, runs, retrying, bothHoldOne, 1, 2));
                Future<Integer> second = threads.submit(() -> lockBoth(database, runs, retrying, bothHoldOne, 2, 1));
                return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
            }
        }

        private static int lockBoth(Database database, AtomicInteger runs, boolean retrying, CyclicBarrier bothHoldOne,
                int firstId, int secondId) {
            Database.Work<Integer> work = c -> {
                boolean firstRun = runs.incrementAndGet() <= 2;
                bump(database, c, firstId);
                if (firstRun) {
                    try {
                        bothHoldOne.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new SQLException("the other transaction never took its first lock", e);
                    }
                }
                bump(database, c, secondId);
                return secondId;
            };
            return database.inTransaction("lock both rows", work, retrying ? Database.DEADLOCK_ATTEMPTS : 1);
        }

        private static void bump(Database database, Connection c, int id) throws SQLException {
            database.update(c, "UPDATE deadlock_rows SET n = n + 1 WHERE id = ?", b -> b.integer(id));
        }
    }

    @Nested
    class OnPostgres extends OnADatabaseWithRowLocks {

        @RegisterExtension
        final PostgresDatabaseExtension database = new PostgresDatabaseExtension();

        @Override
        SqlCatalogSettings settings() {
            return new SqlCatalogSettings(database.jdbcUrl(), database.user(), database.password(), 2, 0);
        }
    }

    @Nested
    class OnMariaDb extends OnADatabaseWithRowLocks {

        @RegisterExtension
        final MariaDbDatabaseExtension database = new MariaDbDatabaseExtension();

        @Override
        SqlCatalogSettings settings() {
            return new SqlCatalogSettings(database.jdbcUrl(), database.user(), database.password(), 2, 0);
        }
    }
}
