package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Settings: built from the seed's environment variables, checked, and never printing the password. */
class SqlCatalogSettingsTest {

    private static final String PASSWORD = "Sekr3t-Pa55word";

    @RegisterExtension
    static final PostgresDatabaseExtension POSTGRES = new PostgresDatabaseExtension();

    @TempDir
    Path directory;

    @Test
    void settingsNeverPrintThePassword() {
        SqlCatalogSettings settings = new SqlCatalogSettings("jdbc:postgresql://db/x?password=" + PASSWORD, "u", PASSWORD, 1, 0);

        assertThat(settings.toString()).doesNotContain(PASSWORD).contains("password=***");
        assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db/x?password=***");
    }

    @Test
    void poolSizesOutOfRangeAreInvalidInput() {
        assertThatThrownBy(() -> new SqlCatalogSettings("jdbc:sqlite:x.db", null, null, 0, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("poolSize"));
        assertThatThrownBy(() -> new SqlCatalogSettings("jdbc:sqlite:x.db", null, null, 1, -1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("maxOverflow"));
        assertThatThrownBy(() -> new SqlCatalogSettings(" ", null, null, 1, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new SqlCatalogSettings("jdbc:sqlite:x.db", null, null, 1, 0, Duration.ZERO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("queryTimeout"));
        assertThatThrownBy(() -> new SqlCatalogSettings("jdbc:sqlite:x.db", null, null, 1, 0, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("queryTimeout"));
    }

    @Test
    void theSeedsDatabaseUrlAndPoolVariablesOpenTheCatalog() {
        String databaseUrl = "postgresql://" + POSTGRES.user() + ":" + PASSWORD + "@127.0.0.1:5432/" + POSTGRES.databaseName();
        StoreConfig config = StoreConfig.from(Map.of("DATABASE_URL", databaseUrl, "DATABASE_POOL_SIZE", "3",
                "DATABASE_MAX_OVERFLOW", "2", "DATABASE_QUERY_TIMEOUT", "12", "PIPESTORE_DATA_DIR", directory.toString()));

        SqlCatalogSettings settings = SqlCatalogSettings.from(config.database());

        assertThat(settings).isEqualTo(new SqlCatalogSettings("jdbc:postgresql://127.0.0.1:5432/" + POSTGRES.databaseName(),
                POSTGRES.user(), PASSWORD, 3, 2, Duration.ofSeconds(12)));
        // The loopback server trusts local connections, so the password is sent but not checked.
        try (SqlCatalog catalog = SqlCatalog.open(settings, true)) {
            assertThat(catalog.audioFiles().list(AudioFileQuery.all(), PageRequest.firstPage()).items()).isEmpty();
            assertThat(catalog.describe()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void withNoDatabaseUrlTheEmbeddedSqliteFileOpensInTheDataDirectory() {
        StoreConfig config = StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", directory.toString()));

        try (SqlCatalog catalog = SqlCatalog.open(SqlCatalogSettings.from(config.database()), true)) {
            assertThat(catalog.describe()).startsWith("sqlite " + directory.toAbsolutePath());
            catalog.ping();
        }
    }
}
