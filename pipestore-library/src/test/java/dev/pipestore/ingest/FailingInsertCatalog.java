package dev.pipestore.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.BackendUnavailableException;
import dev.pipestore.catalog.AnalysisResults;
import dev.pipestore.catalog.ApiKeys;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileDeletion;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.AudioFiles;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.CacheInvalidations;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.ClaimedAudioFile;
import dev.pipestore.catalog.Lease;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.SchemaStatus;
import dev.pipestore.catalog.Search;
import dev.pipestore.catalog.TextDocuments;
import dev.pipestore.catalog.Transcriptions;
import dev.pipestore.catalog.Translations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A real catalog whose audio-file insert fails as a dropped connection would, without writing the row. */
final class FailingInsertCatalog implements Catalog {

    private final Catalog delegate;
    private final AudioFiles audioFiles;

    FailingInsertCatalog(Catalog delegate) {
        this.delegate = delegate;
        AudioFiles real = delegate.audioFiles();
        this.audioFiles = new AudioFiles() {
            @Override
            public AudioFile insert(AudioFile file) {
                throw new BackendUnavailableException("catalog (test)", "connection reset during insert", null);
            }

            @Override
            public Optional<AudioFile> find(UUID id) {
                return real.find(id);
            }

            @Override
            public Optional<AudioFile> findByIdempotencyKey(String uploadedBy, String key) {
                return real.findByIdempotencyKey(uploadedBy, key);
            }

            @Override
            public Optional<AudioFile> findBySha256(String uploadedBy, String sha256) {
                return real.findBySha256(uploadedBy, sha256);
            }

            @Override
            public Optional<AudioFile> claimIdempotencyKey(UUID id, String key) {
                return real.claimIdempotencyKey(id, key);
            }

            @Override
            public Optional<AudioFile> findByObjectKey(String objectKey) {
                return real.findByObjectKey(objectKey);
            }

            @Override
            public Page<AudioFile> list(AudioFileQuery query, PageRequest page) {
                return real.list(query, page);
            }

            @Override
            public List<ClaimedAudioFile> claim(AudioStatus from, AudioStatus to, int limit, Duration lease, String owner,
                    Instant now) {
                return real.claim(from, to, limit, lease, owner, now);
            }

            @Override
            public Optional<Lease> lease(UUID id) {
                return real.lease(id);
            }

            @Override
            public AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next, ObjectNode metadata) {
                return real.updateStatus(id, expected, next, metadata);
            }

            @Override
            public AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next, ObjectNode metadata, String holder,
                    Instant now) {
                return real.updateStatus(id, expected, next, metadata, holder, now);
            }

            @Override
            public ClaimedAudioFile renewLease(UUID id, String holder, Duration lease, Instant now) {
                return real.renewLease(id, holder, lease, now);
            }

            @Override
            public AudioFile releaseLease(UUID id, String holder, Instant now) {
                return real.releaseLease(id, holder, now);
            }

            @Override
            public AudioFile updateMetadata(UUID id, ObjectNode metadata) {
                return real.updateMetadata(id, metadata);
            }

            @Override
            public AudioFile updateMetadata(UUID id, ObjectNode metadata, String holder, Instant now) {
                return real.updateMetadata(id, metadata, holder, now);
            }

            @Override
            public boolean delete(UUID id) {
                return real.delete(id);
            }

            @Override
            public Optional<AudioFileDeletion> deleteWithDependents(UUID id) {
                return real.deleteWithDependents(id);
            }
        };
    }

    @Override
    public AudioFiles audioFiles() {
        return audioFiles;
    }

    @Override
    public TextDocuments textDocuments() {
        return delegate.textDocuments();
    }

    @Override
    public Transcriptions transcriptions() {
        return delegate.transcriptions();
    }

    @Override
    public Translations translations() {
        return delegate.translations();
    }

    @Override
    public AnalysisResults analysisResults() {
        return delegate.analysisResults();
    }

    @Override
    public Search search() {
        return delegate.search();
    }

    @Override
    public ApiKeys apiKeys() {
        return delegate.apiKeys();
    }

    @Override
    public CacheInvalidations cacheInvalidations() {
        return delegate.cacheInvalidations();
    }

    @Override
    public int migrate() {
        return delegate.migrate();
    }

    @Override
    public SchemaStatus schema() {
        return delegate.schema();
    }

    @Override
    public void ping() {
        delegate.ping();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
