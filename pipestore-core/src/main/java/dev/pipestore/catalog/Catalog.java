package dev.pipestore.catalog;

/**
 * Port to the catalog: the SQL database holding metadata, transcriptions, translations and results.
 * Every method may throw {@link dev.pipestore.BackendUnavailableException} when the database does not answer.
 */
public interface Catalog extends AutoCloseable {

    AudioFiles audioFiles();

    TextDocuments textDocuments();

    Transcriptions transcriptions();

    Translations translations();

    AnalysisResults analysisResults();

    /** Full-text search over transcriptions and translations. */
    Search search();

    /** API keys, stored hashed. */
    ApiKeys apiKeys();

    /** Cache keys an instance could not invalidate, for the instances that can. */
    CacheInvalidations cacheInvalidations();

    /** Applies pending schema migrations and returns how many were applied. */
    int migrate();

    /** Where the schema stands against the migrations {@link #migrate} would apply; changes nothing. */
    SchemaStatus schema();

    /** Checks that the database answers; throws when it does not. */
    void ping();

    /** Which database this is, for people: never contains a password. */
    String describe();

    @Override
    void close();
}
