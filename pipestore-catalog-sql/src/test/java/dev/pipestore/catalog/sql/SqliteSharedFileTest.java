package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several pools and processes on one SQLite file, as when the CLI runs beside the server: no SQLITE_BUSY, nothing lost. */
class SqliteSharedFileTest {

    /** An upper bound only: the child stops when the parent has written its rows. */
    private static final int CHILD_ROUNDS = 100_000;

    @TempDir
    Path directory;

    private String url() {
        return "jdbc:sqlite:" + directory.resolve("shared").resolve("catalog.db");
    }

    @Test
    void twoCatalogsOnOneFileMigrateAndWriteConcurrentlyWithoutBusyErrors() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            Future<SqlCatalog> openingA = threads.submit(() -> SqlCatalog.open(settings(), true));
            Future<SqlCatalog> openingB = threads.submit(() -> SqlCatalog.open(settings(), true));
            try (SqlCatalog a = openingA.get(30, TimeUnit.SECONDS); SqlCatalog b = openingB.get(30, TimeUnit.SECONDS)) {
                List<Future<?>> writers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String nameA = "a" + i;
                    String nameB = "b" + i;
                    writers.add(threads.submit(() -> SqliteWriter.write(a, 25, nameA)));
                    writers.add(threads.submit(() -> SqliteWriter.write(b, 25, nameB)));
                }
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }

                assertThat(countByWriter(a)).hasSize(6).allSatisfy((writer, count) -> assertThat(count).isEqualTo(25));
                assertThat(countByWriter(b)).isEqualTo(countByWriter(a));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** A file another connection holds locked while this catalog opens it is waited for, not refused. */
    @Test
    void openingWaitsForAFileAnotherConnectionHoldsLocked() throws Exception {
        java.nio.file.Files.createDirectories(directory.resolve("shared"));
        try (java.sql.Connection holder = java.sql.DriverManager.getConnection(url());
                java.sql.Statement statement = holder.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            Thread release = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(500);
                    statement.execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SqlCatalog catalog = SqlCatalog.open(settings(), true)) {
                SqliteWriter.write(catalog, 1, "after-lock");
                assertThat(countByWriter(catalog)).containsEntry("after-lock", 1);
            }
            release.join();
        }
    }

    @Test
    void anotherProcessCanWriteTheFileWhileThisOneDoes() throws Exception {
        try (SqlCatalog catalog = SqlCatalog.open(settings(), true)) {
            Path stop = directory.resolve("stop-writing");
            Process child = startWriterProcess(CHILD_ROUNDS, "child", stop);
            try {
                awaitFirstRowOf(catalog, "child", child);
                SqliteWriter.write(catalog, 0, 30, "parent");
                // The child writes until told to stop, so it was writing all along unless it failed.
                boolean overlapped = child.isAlive();
                java.nio.file.Files.createFile(stop);
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the writer process finished").isTrue();
                String childErrors = new String(child.getErrorStream().readAllBytes());

                assertThat(child.exitValue()).as("writer process exit status; its stderr:%n%s", childErrors).isZero();
                assertThat(overlapped).as("the child was still writing after the parent's first round").isTrue();
                Map<String, Integer> counts = countByWriter(catalog);
                assertThat(counts).containsEntry("parent", 30);
                int childRows = counts.get("child");
                for (int round = 0; round < childRows; round++) {
                    assertThat(catalog.audioFiles().findByIdempotencyKey(null, "child-" + round)).as("child round %d", round).isPresent();
                }
            } finally {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void rowsSurviveClosingAndReopeningTheFile() {
        AudioFile written;
        try (SqlCatalog catalog = SqlCatalog.open(settings(), true)) {
            SqliteWriter.write(catalog, 1, "before-restart");
            written = catalog.audioFiles().findByIdempotencyKey(null, "before-restart-0").orElseThrow();
        }

        try (SqlCatalog reopened = SqlCatalog.open(settings(), true)) {
            assertThat(reopened.migrate()).isZero();
            assertThat(reopened.audioFiles().get(written.id())).isEqualTo(written);
            assertThat(written.status()).isEqualTo(AudioStatus.TRANSCRIBED);
        }
    }

    private SqlCatalogSettings settings() {
        return new SqlCatalogSettings(url(), null, null, 3, 2);
    }

    private Process startWriterProcess(int rounds, String writer, Path stop) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SqliteWriter.class.getName(), url(), String.valueOf(rounds), writer, stop.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void awaitFirstRowOf(SqlCatalog catalog, String writer, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (catalog.audioFiles().findByIdempotencyKey(null, writer + "-0").isEmpty()) {
            assertThat(process.isAlive()).as("the writer process is running").isTrue();
            assertThat(System.nanoTime()).as("the writer process wrote within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static Map<String, Integer> countByWriter(SqlCatalog catalog) {
        Map<String, Integer> counts = new HashMap<>();
        String cursor = null;
        do {
            Page<AudioFile> page = catalog.audioFiles().list(AudioFileQuery.all(), new PageRequest(100, cursor));
            for (AudioFile file : page.items()) {
                counts.merge(file.metadata().get(SqliteWriter.WRITER_FIELD).asText(), 1, Integer::sum);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return counts;
    }

}
