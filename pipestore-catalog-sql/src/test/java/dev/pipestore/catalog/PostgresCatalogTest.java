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

    @Override
    public Features searchFeatures() {
        return new Features(true, true);
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

    @Test
    void eachTextIsStemmedWithTheConfigurationOfItsLanguage() throws SQLException {
        AudioFile audio = searchAudio();
        Transcription german = transcribe(audio, "Die Kinder spielten im Garten", "de-AT", "w-1", 1);
        Transcription english = transcribe(audio, "The runners were running through the gardens", "en", "w-1", 2);

        assertThat(hitIds(SearchQuery.of("Kind Gärten"))).containsExactly(german.id());
        assertThat(hitIds(SearchQuery.of("runner run garden"))).containsExactly(english.id());
        assertThat(queryForString("SELECT search_vector::text FROM transcriptions WHERE id = ?", german.id()))
                .contains("'kind'").contains("'gart'");
    }

    @Test
    void aTextTooVariedForOneTsvectorIsStoredAndSearchableByItsBeginning() {
        AudioFile audio = searchAudio();
        StringBuilder content = new StringBuilder("opening remarks ");
        for (int i = 0; i < 200_000; i++) {
            content.append('w').append(i).append(' ');
        }
        Transcription huge = transcribe(audio, content.toString(), "en", "w-1", 1);

        assertThat(catalog().transcriptions().get(huge.id()).content()).hasSize(content.length());
        assertThat(hitIds(SearchQuery.of("opening remarks"))).containsExactly(huge.id());
    }
}
