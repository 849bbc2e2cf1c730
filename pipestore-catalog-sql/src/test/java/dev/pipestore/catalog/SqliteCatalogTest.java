package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.sql.SqlCatalogSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog contract on the embedded SQLite database, in a file of its own. */
class SqliteCatalogTest extends CatalogContract {

    @TempDir
    static Path directory;

    private Path file() {
        return directory.resolve("data").resolve("catalog.db");
    }

    @Override
    protected SqlCatalogSettings settings() {
        return new SqlCatalogSettings("jdbc:sqlite:" + file(), null, null, 4, 4);
    }

    @Override
    public Features searchFeatures() {
        return new Features(true, true);
    }

    @Test
    void describeSaysSqliteAndTheFile() {
        assertThat(catalog().describe()).isEqualTo("sqlite " + file().toAbsolutePath());
    }

    @Test
    void theDatabaseFileIsInWriteAheadLogMode() throws SQLException {
        assertThat(queryForString("PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void metadataIsStoredAsAJsonObjectAndTimesAsSortableText() throws SQLException {
        AudioFile file = catalog().audioFiles().insert(Samples.withMetadata(Samples.audio(Samples.T0), Samples.json("{\"a\":[1]}")));

        assertThat(queryForString("SELECT json_type(metadata) FROM audio_files WHERE id = ?", file.id().toString()))
                .isEqualTo("object");
        assertThat(queryForString("SELECT created_at FROM audio_files WHERE id = ?", file.id().toString()))
                .isEqualTo("2024-05-06T10:15:30.123456Z");
    }

    @Test
    void searchStaysRightAfterVacuumRenumbersTheRows() throws SQLException {
        AudioFile audio = searchAudio();
        Transcription first = transcribe(audio, "alpha bravo", "en", "w-1", 1);
        Transcription second = transcribe(audio, "charlie delta", "en", "w-1", 2);
        Transcription third = transcribe(audio, "echo foxtrot charlie", "en", "w-1", 3);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM transcriptions WHERE id = '" + first.id() + "'");
            statement.executeUpdate("VACUUM");
            statement.executeUpdate("INSERT INTO transcriptions_search (transcriptions_search, rank) VALUES ('integrity-check', 1)");
        }

        assertThat(hitIds(SearchQuery.of("charlie"))).containsExactlyInAnyOrder(second.id(), third.id());
        assertThat(search(SearchQuery.of("foxtrot")).get(0).snippet()).isEqualTo("echo <b>foxtrot</b> charlie");
        assertThat(hitIds(SearchQuery.of("alpha"))).isEmpty();
    }
}
