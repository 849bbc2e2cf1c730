package dev.pipestore.results;

import dev.pipestore.cache.Cache;
import dev.pipestore.cache.CacheStats;
import dev.pipestore.catalog.AudioFileDeletion;
import dev.pipestore.catalog.Catalog;
import java.time.Clock;
import java.time.Duration;

/** Builds the result services over one catalog and cache. */
public final class ResultServices {

    private final CachedReads reads;
    private final TranscriptionService transcriptions;
    private final TranslationService translations;
    private final ResultService results;

    /**
     * @param readCacheTtl how long a cached read may be served before the catalog is asked again
     * @param sharedCache whether other instances read the same cache (Redis), so that invalidations this one cannot
     *     make are carried to them through the catalog
     */
    public ResultServices(Catalog catalog, Cache cache, Duration readCacheTtl, Clock clock, boolean sharedCache) {
        this.reads = new CachedReads(cache, readCacheTtl, System::nanoTime, sharedCache ? catalog.cacheInvalidations() : null);
        this.transcriptions = new TranscriptionService(catalog, reads, clock);
        this.translations = new TranslationService(catalog, reads, transcriptions, clock);
        this.results = new ResultService(catalog, clock);
    }

    /** Starts the background work of the reads: relaying other instances' cache invalidations, with a shared cache. */
    public void start() {
        reads.start();
    }

    public TranscriptionService transcriptions() {
        return transcriptions;
    }

    public TranslationService translations() {
        return translations;
    }

    public ResultService results() {
        return results;
    }

    /**
     * Drops what is cached of a deleted audio file and of what was deleted with it: the file's transcription lists,
     * each transcription and translation, and the translation lists of each transcription in each language it had.
     * A list of a deleted transcription in a language it never had may stay cached, empty; an empty list is answered
     * only after the transcription is found, so it is a 404 all the same.
     */
    public void forget(AudioFileDeletion deletion) {
        transcriptions.invalidateListsOf(deletion.file().id());
        deletion.transcriptionIds().forEach(transcriptions::invalidate);
        deletion.translations().forEach(translations::invalidate);
    }

    /**
     * Retries, once, each cache invalidation that failed (the cache was down): before a short-lived process such as
     * the CLI exits, which would otherwise leave the cached lists stale for their whole time to live.
     */
    public void flushInvalidations() {
        reads.flushInvalidations();
    }

    /** Stops the background retries of failed invalidations; call {@link #flushInvalidations} first. */
    public void close() {
        reads.close();
    }

    /** Hits and misses of cached transcription and translation reads. */
    public CacheStats readCacheStats() {
        return reads.stats();
    }
}
