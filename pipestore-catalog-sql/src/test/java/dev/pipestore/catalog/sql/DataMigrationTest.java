package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.SearchHit;
import dev.pipestore.catalog.SearchQuery;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.testing.sql.MariaDbDatabaseExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations that change data, on every dialect: rows written by an earlier schema read as the current code expects.
 */
class DataMigrationTest {

    abstract static class FromAnEarlierVersion {

        abstract SqlCatalogSettings settings();

        abstract String folder();

        /**
         * Rows stored before the uploaded_by column (schema version 4), when the server kept the uploader in
         * {@code metadata.uploaded_by}, have it in the column after migrating, and no longer in the metadata; values the
         * server never wrote (not a string) stay where they were. An idempotency key stored then belongs to that uploader.
         */
        @Test
        void theUploaderMovesFromTheMetadataIntoTheColumn() throws SQLException {
            SqlCatalogSettings settings = settings();
            String url = settings.jdbcUrl();
            Flyway.configure(getClass().getClassLoader()).dataSource(url, settings.user(), settings.password())
                    .locations("classpath:db/migration/" + folder()).target("4").load().migrate();
            UUID stamped = UUID.randomUUID();
            UUID numeric = UUID.randomUUID();
            UUID none = UUID.randomUUID();
            UUID text = UUID.randomUUID();
            try (Connection connection = DriverManager.getConnection(url, settings.user(), settings.password());
                    Statement statement = connection.createStatement()) {
                insertAudio(statement, stamped, "{\"call\": 42, \"uploaded_by\": \"key-1\"}");
                insertAudio(statement, numeric, "{\"uploaded_by\": 7}");
                insertAudio(statement, none, null);
                statement.executeUpdate("UPDATE audio_files SET idempotency_key = 'retry-1' WHERE id = '" + stamped + "'");
                statement.executeUpdate("INSERT INTO text_documents (id, file_path, file_size, content_sha256, object_key, metadata)"
                        + " VALUES ('" + text + "', 'b/t', 1, 'abc', 't', '{\"uploaded_by\": \"key-2\"}')");
            }

            try (SqlCatalog catalog = SqlCatalog.open(settings, true)) {
                AudioFile moved = catalog.audioFiles().get(stamped);
                assertThat(moved.uploadedBy()).isEqualTo("key-1");
                assertThat(moved.metadata()).isEqualTo(Metadata.empty().put("call", 42));
                AudioFile kept = catalog.audioFiles().get(numeric);
                assertThat(kept.uploadedBy()).isNull();
                assertThat(kept.metadata().path("uploaded_by").asInt()).isEqualTo(7);
                assertThat(catalog.audioFiles().get(none).uploadedBy()).isNull();
                TextDocument document = catalog.textDocuments().get(text);
                assertThat(document.uploadedBy()).isEqualTo("key-2");
                assertThat(document.metadata()).isEqualTo(Metadata.empty());
                assertThat(catalog.audioFiles().list(AudioFileQuery.all().withUploadedBy("key-1"), PageRequest.firstPage()).items())
                        .extracting(AudioFile::id).containsExactly(stamped);
                assertThat(catalog.audioFiles().findByIdempotencyKey("key-1", "retry-1")).map(AudioFile::id).contains(stamped);
                assertThat(catalog.audioFiles().findByIdempotencyKey(null, "retry-1")).isEmpty();
            }
        }

        /** Version 7: a result stored on a transcription alone gets the transcription's audio file. */
        @Test
        void aResultOnATranscriptionGetsItsAudioFile() throws SQLException {
            SqlCatalogSettings settings = settings();
            Flyway.configure(getClass().getClassLoader()).dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/migration/" + folder()).target("6").load().migrate();
            UUID audio = UUID.randomUUID();
            UUID transcription = UUID.randomUUID();
            UUID onTranscription = UUID.randomUUID();
            UUID onAudio = UUID.randomUUID();
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                    Statement statement = connection.createStatement()) {
                insertAudio(statement, audio, null);
                statement.executeUpdate("INSERT INTO transcriptions (id, audio_file_id, content) VALUES ('" + transcription + "', '"
                        + audio + "', 'hello')");
                statement.executeUpdate("INSERT INTO analysis_results (id, transcription_id, analysis_type, result) VALUES ('"
                        + onTranscription + "', '" + transcription + "', 'keywords', '{\"k\": 1}')");
                statement.executeUpdate("INSERT INTO analysis_results (id, audio_file_id, analysis_type, result) VALUES ('"
                        + onAudio + "', '" + audio + "', 'loudness', '{\"lufs\": -23}')");
            }

            try (SqlCatalog catalog = SqlCatalog.open(settings, true)) {
                assertThat(catalog.analysisResults().get(onTranscription).audioFileId()).isEqualTo(audio);
                assertThat(catalog.analysisResults().get(onTranscription).transcriptionId()).isEqualTo(transcription);
                assertThat(catalog.analysisResults().get(onAudio).transcriptionId()).isNull();
            }
        }

        /**
         * Version 11: tags stored before canonical language tags ({@code eng}, {@code zh-yue}) are rewritten, so filters
         * and search find them under the tag a new row gets; a region the registry does not list, which no longer
         * passes, is dropped so the row stays readable.
         */
        @Test
        void storedLanguageTagsBecomeCanonical() throws SQLException {
            SqlCatalogSettings settings = settings();
            Flyway.configure(getClass().getClassLoader()).dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/migration/" + folder()).target("10").load().migrate();
            UUID english = UUID.randomUUID();
            UUID cantonese = UUID.randomUUID();
            UUID odd = UUID.randomUUID();
            UUID moldavian = UUID.randomUUID();
            UUID transcription = UUID.randomUUID();
            UUID translation = UUID.randomUUID();
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
                    Statement statement = connection.createStatement()) {
                insertAudio(statement, english, null);
                insertAudio(statement, cantonese, null);
                insertAudio(statement, odd, null);
                statement.executeUpdate("UPDATE audio_files SET language = 'eng-US' WHERE id = '" + english + "'");
                statement.executeUpdate("UPDATE audio_files SET language = 'zh-yue' WHERE id = '" + cantonese + "'");
                statement.executeUpdate("UPDATE audio_files SET language = 'de-JX' WHERE id = '" + odd + "'");
                insertAudio(statement, moldavian, null);
                statement.executeUpdate("UPDATE audio_files SET language = 'mol-MD' WHERE id = '" + moldavian + "'");
                statement.executeUpdate("INSERT INTO transcriptions (id, audio_file_id, content, language) VALUES ('"
                        + transcription + "', '" + english + "', 'running late', 'eng')");
                statement.executeUpdate("INSERT INTO translations (id, transcription_id, content, source_language,"
                        + " target_language) VALUES ('" + translation + "', '" + transcription + "', 'hallo', 'eng', 'ger')");
            }

            try (SqlCatalog catalog = SqlCatalog.open(settings, true)) {
                assertThat(catalog.audioFiles().get(english).language()).isEqualTo("en-US");
                assertThat(catalog.audioFiles().get(cantonese).language()).isEqualTo("yue");
                assertThat(catalog.audioFiles().get(odd).language()).isEqualTo("de");
                assertThat(catalog.audioFiles().get(moldavian).language()).as("Java's code for deprecated mo").isEqualTo("ro-MD");
                assertThat(catalog.transcriptions().get(transcription).language()).isEqualTo("en");
                assertThat(catalog.translations().get(translation).sourceLanguage()).isEqualTo("en");
                assertThat(catalog.translations().get(translation).targetLanguage()).isEqualTo("de");
                // Records canonicalise what they read; the filters compare what is stored.
                assertThat(catalog.audioFiles().list(AudioFileQuery.all().withLanguage("en-US"), PageRequest.firstPage())
                        .items()).extracting(AudioFile::id).containsExactly(english);
                assertThat(catalog.search().page(SearchQuery.of("running").withLanguage("en")).items())
                        .extracting(SearchHit::id).containsExactly(transcription);
            }
        }

        private static void insertAudio(Statement statement, UUID id, String metadata) throws SQLException {
            statement.executeUpdate("INSERT INTO audio_files (id, file_path, file_size, duration_seconds, format, status,"
                    + " content_sha256, object_key, duration_precise, metadata) VALUES ('" + id + "', 'b/" + id + "', 1, 1, 'wav',"
                    + " 'uploaded', 'abc', '" + id + "', 1.0, " + (metadata == null ? "NULL" : "'" + metadata + "'") + ")");
        }
    }

    @Nested
    class OnSqlite extends FromAnEarlierVersion {

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
    class OnPostgres extends FromAnEarlierVersion {

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
    class OnMariaDb extends FromAnEarlierVersion {

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
