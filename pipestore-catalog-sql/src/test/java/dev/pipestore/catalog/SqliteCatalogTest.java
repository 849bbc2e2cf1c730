package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.sql.SqlCatalogSettings;
import java.nio.file.Path;
import java.sql.SQLException;
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
}
