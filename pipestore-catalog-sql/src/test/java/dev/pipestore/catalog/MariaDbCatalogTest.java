package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.sql.SqlCatalog;
import dev.pipestore.catalog.sql.SqlCatalogSettings;
import dev.pipestore.testing.sql.MariaDbDatabaseExtension;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalog contract on MariaDB 10.11 on loopback, in a database of its own. */
class MariaDbCatalogTest extends CatalogContract {

    @RegisterExtension
    static final MariaDbDatabaseExtension DATABASE = new MariaDbDatabaseExtension();

    @Override
    protected SqlCatalogSettings settings() {
        return new SqlCatalogSettings(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password(), 4, 4);
    }

    @Override
    public Features searchFeatures() {
        return new Features(false, false);
    }

    @Test
    void describeSaysMariadbHostPortDatabaseAndUser() {
        assertThat(catalog().describe())
                .isEqualTo("mariadb 127.0.0.1:3306/" + DATABASE.databaseName() + " (user " + DATABASE.user() + ")");
    }

    @Test
    void metadataIsStoredAsAJsonObjectNotAString() throws SQLException {
        AudioFile file = catalog().audioFiles().insert(Samples.withMetadata(Samples.audio(), Samples.json("{\"a\":{\"b\":1}}")));

        assertThat(queryForString("SELECT JSON_TYPE(metadata) FROM audio_files WHERE id = ?", file.id().toString()))
                .isEqualTo("OBJECT");
        assertThat(queryForString("SELECT JSON_VALUE(metadata, '$.a.b') FROM audio_files WHERE id = ?", file.id().toString()))
                .isEqualTo("1");
    }

    @Test
    void createdAtIsStoredInUtc() throws SQLException {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(Samples.T0));

        assertThat(queryForString("SELECT DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s.%f') FROM audio_files WHERE id = ?",
                file.id().toString())).isEqualTo("2024-05-06T10:15:30.123456");
    }

    @Test
    void aMysqlSchemeUrlOpensTheSameDatabaseThroughTheMariaDbDriver() {
        String mysqlUrl = DATABASE.jdbcUrl().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:");
        AudioFile file = catalog().audioFiles().insert(Samples.audio());

        try (SqlCatalog viaMysql = SqlCatalog.open(new SqlCatalogSettings(mysqlUrl, DATABASE.user(), null, 1, 0), false)) {
            assertThat(viaMysql.audioFiles().get(file.id())).isEqualTo(file);
            assertThat(viaMysql.describe()).startsWith("mysql 127.0.0.1:3306/");
        }
    }
}
