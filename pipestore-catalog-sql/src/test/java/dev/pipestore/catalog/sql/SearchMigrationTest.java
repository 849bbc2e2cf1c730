package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.SearchHit;
import dev.pipestore.catalog.SearchQuery;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.testing.sql.MariaDbDatabaseExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Texts stored before search existed (schema version 2) are searchable once the catalog migrates to the latest version. */
class SearchMigrationTest {

    abstract static class FromVersionTwo {

        abstract SqlCatalogSettings settings();

        abstract String folder();

        @Test
        void textsStoredBeforeTheSearchMigrationAreFoundAfterIt() throws SQLException {
            SqlCatalogSettings settings = settings();
            String url = settings.jdbcUrl();
            Flyway.configure(getClass().getClassLoader()).dataSource(url, settings.user(), settings.password())
                    .locations("classpath:db/migration/" + folder()).target("2").load().migrate();
            UUID audio = UUID.randomUUID();
            UUID transcription = UUID.randomUUID();
            UUID translation = UUID.randomUUID();
            try (Connection connection = DriverManager.getConnection(url, settings.user(), settings.password());
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO audio_files (id, file_path, file_size, duration_seconds, format, status,"
                        + " content_sha256, object_key, duration_precise) VALUES ('" + audio + "', 'b/k', 1, 1, 'wav',"
                        + " 'processing', 'abc', 'k', 1.0)");
                statement.executeUpdate("INSERT INTO transcriptions (id, audio_file_id, content, language) VALUES ('"
                        + transcription + "', '" + audio + "', 'the old archive recordings', 'en')");
                statement.executeUpdate("INSERT INTO translations (id, transcription_id, content, target_language) VALUES ('"
                        + translation + "', '" + transcription + "', 'die alten Archivaufnahmen', 'de')");
            }

            try (SqlCatalog catalog = SqlCatalog.open(settings, true)) {
                assertThat(catalog.search().search(SearchQuery.of("archive"))).extracting(SearchHit::id).containsExactly(transcription);
                assertThat(catalog.search().search(SearchQuery.of("Archivaufnahmen"))).extracting(SearchHit::id)
                        .containsExactly(translation);
                assertThat(catalog.audioFiles().lease(audio)).isEmpty();

                Instant now = Instant.now();
                Transcription added = catalog.transcriptions().insert(new Transcription(UUID.randomUUID(), audio,
                        "new archive material", "en", null, now, null, null, now, null));
                assertThat(catalog.search().search(SearchQuery.of("archive"))).extracting(SearchHit::id)
                        .containsExactlyInAnyOrder(transcription, added.id());
            }
        }
    }

    @Nested
    class OnSqlite extends FromVersionTwo {

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
    class OnPostgres extends FromVersionTwo {

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

    @Nested
    class OnMariaDb extends FromVersionTwo {

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
