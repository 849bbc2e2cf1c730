package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.StoreException;
import dev.pipestore.catalog.sql.SqlCatalog;
import dev.pipestore.catalog.sql.SqlCatalogSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every catalog adapter passes, run against the real database. A subclass names a fresh, empty
 * database; the catalog is opened (and migrated) once per class and its tables are emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CatalogContract implements AudioFilesContract, AudioFileChangesContract, AudioFileDeletionContract, TextDocumentsContract,
        TranscriptionsContract, TranslationsContract, AnalysisResultsContract, MetadataContract, ClaimsContract,
        ConcurrentClaimsContract, LeasesContract, UploadersContract, SearchInputContract, ApiKeysContract,
        StorageUsageContract, CacheInvalidationsContract {

    /** Children before parents, so deleting never trips a foreign key. */
    private static final String[] TABLES = {"analysis_results", "translations", "transcriptions", "text_documents", "audio_files",
        "api_keys"};

    private SqlCatalog catalog;

    /** Where the catalog under test lives; a database nobody else uses. */
    protected abstract SqlCatalogSettings settings();

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @BeforeAll
    void openCatalog() {
        catalog = SqlCatalog.open(settings(), true);
    }

    @AfterAll
    void closeCatalog() {
        if (catalog != null) {
            catalog.close();
        }
    }

    @BeforeEach
    void emptyEveryTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    /** A plain JDBC connection beside the catalog's pool, to look at what was stored. */
    protected Connection connect() throws SQLException {
        SqlCatalogSettings settings = settings();
        String url = settings.jdbcUrl().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
        return DriverManager.getConnection(url, settings.user(), settings.password());
    }

    /** The single value {@code sql} selects. */
    protected String queryForString(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row from %s", sql).isTrue();
                return rows.getString(1);
            }
        }
    }

    @Test
    void migratingAnUpToDateSchemaAppliesNothing() {
        assertThat(catalog.migrate()).isZero();
        assertThat(catalog.migrate()).isZero();
    }

    @Test
    void pingAnswersWhileTheDatabaseIsUp() {
        catalog.ping();
    }

    @Test
    void describeNamesTheDatabaseButNeverThePassword() {
        assertThat(catalog.describe()).isNotBlank();
        if (settings().password() != null && !settings().password().isEmpty()) {
            assertThat(catalog.describe()).doesNotContain(settings().password());
        }
        assertThat(catalog.toString()).contains(catalog.describe());
    }

    @Test
    void aClosedCatalogRefusesWorkSayingItIsClosed() {
        SqlCatalog closed = SqlCatalog.open(settings(), false);
        closed.close();

        assertThatThrownBy(() -> closed.audioFiles().find(java.util.UUID.randomUUID()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is closed");
        closed.close();
    }

    @Test
    void rowsWrittenByOtherToolsGetTheSchemaDefaultsAndReadBack() throws SQLException {
        java.util.UUID id = java.util.UUID.randomUUID();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO text_documents (id, file_path, file_size, content_sha256, object_key)"
                    + " VALUES ('" + id + "', 'data-pipeline/raw/text/x', 1, 'abc', 'raw/text/x')");
        }

        TextDocument read = catalog.textDocuments().get(id);

        assertThat(read.createdAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        assertThat(read.updatedAt()).isEqualTo(read.createdAt());
        assertThat(read.metadata()).isEqualTo(Metadata.empty());
        assertThat(read.storageTier()).isEqualTo(StorageTier.STANDARD);
        assertThat(catalog.textDocuments().list(TextDocumentQuery.all(), PageRequest.firstPage()).items()).containsExactly(read);
    }
}
