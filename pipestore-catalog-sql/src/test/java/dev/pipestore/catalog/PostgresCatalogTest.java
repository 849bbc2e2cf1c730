package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.sql.SqlCatalogSettings;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalog contract on PostgreSQL 15 on loopback, in a database of its own. */
class PostgresCatalogTest extends CatalogContract {

    @RegisterExtension
    static final PostgresDatabaseExtension DATABASE = new PostgresDatabaseExtension();

    @Override
    protected SqlCatalogSettings settings() {
        return new SqlCatalogSettings(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password(), 4, 4);
    }

    @Test
    void describeSaysPostgresqlHostPortDatabaseAndUser() {
        assertThat(catalog().describe())
                .isEqualTo("postgresql 127.0.0.1:5432/" + DATABASE.databaseName() + " (user " + DATABASE.user() + ")");
    }

    @Test
    void metadataIsStoredAsAJsonbObjectNotAString() throws SQLException {
        AudioFile file = catalog().audioFiles().insert(Samples.withMetadata(Samples.audio(), Samples.json("{\"price\":1.50}")));

        assertThat(queryForString("SELECT jsonb_typeof(metadata) FROM audio_files WHERE id = ?", file.id())).isEqualTo("object");
        assertThat(queryForString("SELECT metadata->>'price' FROM audio_files WHERE id = ?", file.id())).isEqualTo("1.50");
    }

    @Test
    void createdAtIsATimestampWithTimeZoneHoldingTheInstant() throws SQLException {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(Samples.T0));

        assertThat(queryForString("SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') FROM audio_files"
                + " WHERE id = ?", file.id())).isEqualTo("2024-05-06T10:15:30.123456");
    }
}
