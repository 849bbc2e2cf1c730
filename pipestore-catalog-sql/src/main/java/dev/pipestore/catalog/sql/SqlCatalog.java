package dev.pipestore.catalog.sql;

import com.zaxxer.hikari.HikariDataSource;
import dev.pipestore.catalog.AnalysisResults;
import dev.pipestore.catalog.ApiKeys;
import dev.pipestore.catalog.AudioFiles;
import dev.pipestore.catalog.CacheInvalidations;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.SchemaStatus;
import dev.pipestore.catalog.Search;
import dev.pipestore.catalog.StorageTotal;
import dev.pipestore.catalog.StorageUsage;
import dev.pipestore.catalog.TextDocuments;
import dev.pipestore.catalog.Transcriptions;
import dev.pipestore.catalog.Translations;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The catalog on a SQL database: PostgreSQL, MariaDB/MySQL, or an embedded SQLite file. One implementation of each
 * repository serves all three; a {@link Dialect} holds what differs.
 */
public final class SqlCatalog implements Catalog, StorageUsage {

    private final Database database;
    private final String password;
    private final SqlAudioFiles audioFiles;
    private final SqlTextDocuments textDocuments;
    private final SqlTranscriptions transcriptions;
    private final SqlTranslations translations;
    private final SqlAnalysisResults analysisResults;
    private final SqlSearch search;
    private final SqlApiKeys apiKeys;
    private final SqlCacheInvalidations cacheInvalidations;
    private final SqlStorageUsage storageUsage;

    private SqlCatalog(Database database, String password, Clock clock) {
        this.database = database;
        this.password = password;
        this.audioFiles = new SqlAudioFiles(database, clock);
        this.textDocuments = new SqlTextDocuments(database);
        this.transcriptions = new SqlTranscriptions(database);
        this.translations = new SqlTranslations(database);
        this.analysisResults = new SqlAnalysisResults(database);
        this.search = new SqlSearch(database);
        this.apiKeys = new SqlApiKeys(database);
        this.cacheInvalidations = new SqlCacheInvalidations(database);
        this.storageUsage = new SqlStorageUsage(database);
    }

    /**
     * Connects to the database named by {@code settings.jdbcUrl()}, choosing the dialect from the URL's prefix.
     *
     * @param migrate whether to apply pending schema migrations before returning
     * @throws dev.pipestore.BackendUnavailableException within seconds when the database cannot be reached, refuses
     *     the credentials or does not exist; the message names the URL without its password
     * @throws dev.pipestore.InvalidInputException when the URL is not one of the supported kinds or is malformed
     */
    public static SqlCatalog open(SqlCatalogSettings settings, boolean migrate) {
        Objects.requireNonNull(settings, "settings");
        Dialect dialect = Dialect.forUrl(settings.jdbcUrl(), settings.password());
        String driverUrl = dialect.driverUrl(settings.jdbcUrl());
        String description = dialect.describe(settings.redactedUrl(), settings.user());
        HikariDataSource pool = ConnectionPools.open(settings, dialect, driverUrl, description);
        Database database = new Database(pool, dialect, description, settings.password(), settings.queryTimeout());
        SqlCatalog catalog = new SqlCatalog(database, settings.password(), Clock.systemUTC());
        if (migrate) {
            try {
                catalog.migrate();
            } catch (RuntimeException e) {
                catalog.close();
                throw e;
            }
        }
        return catalog;
    }

    @Override
    public AudioFiles audioFiles() {
        return audioFiles;
    }

    @Override
    public TextDocuments textDocuments() {
        return textDocuments;
    }

    @Override
    public Transcriptions transcriptions() {
        return transcriptions;
    }

    @Override
    public Translations translations() {
        return translations;
    }

    @Override
    public AnalysisResults analysisResults() {
        return analysisResults;
    }

    @Override
    public Search search() {
        return search;
    }

    @Override
    public ApiKeys apiKeys() {
        return apiKeys;
    }

    @Override
    public CacheInvalidations cacheInvalidations() {
        return cacheInvalidations;
    }

    @Override
    public List<StorageTotal> storageTotals() {
        return storageUsage.storageTotals();
    }

    @Override
    public int migrate() {
        return Migrations.apply(database, password);
    }

    @Override
    public SchemaStatus schema() {
        return Migrations.status(database, password);
    }

    @Override
    public void ping() {
        int seconds = (int) ConnectionPools.VALIDATION_TIMEOUT.toSeconds();
        database.run("ping", c -> {
            if (!c.isValid(seconds)) {
                throw new SQLTransientConnectionException("no answer to a validation query within " + seconds + " s");
            }
            return null;
        });
    }

    @Override
    public String describe() {
        return database.description();
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return "SqlCatalog[" + describe() + "]";
    }

    /** The database behind the catalog, for tests of what its adapters share. */
    Database database() {
        return database;
    }
}
