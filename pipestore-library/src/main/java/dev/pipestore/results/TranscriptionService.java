package dev.pipestore.results;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Segments;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.TranscriptionQuery;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Transcriptions of audio files: added with their segments checked against the audio, read through the cache. */
public final class TranscriptionService {

    private static final TypeReference<Transcription> ONE = new TypeReference<>() {};
    private static final TypeReference<List<Transcription>> MANY = new TypeReference<>() {};

    private final Catalog catalog;
    private final CachedReads reads;
    private final Clock clock;

    TranscriptionService(Catalog catalog, CachedReads reads, Clock clock) {
        this.catalog = catalog;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * Adds a transcription of {@code audioFileId}; another with a different model version sits beside it.
     *
     * @throws NotFoundException when the audio file does not exist
     * @throws dev.pipestore.InvalidInputException for bad language, confidence, metadata, or segments that overlap
     *     or run past the end of the audio
     */
    public Transcription add(UUID audioFileId, NewTranscription request) {
        AudioFile audio = catalog.audioFiles().get(audioFileId);
        var metadata = ResultChecks.metadata(request.metadata());
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Transcription transcription = new Transcription(UUID.randomUUID(), audioFileId, ResultChecks.content(request.content()),
                request.language(), request.confidence(), now, request.modelVersion(), metadata, now, null);
        Segments.requireWithin(metadata, audio.durationPrecise());
        Transcription stored = catalog.transcriptions().insert(transcription);
        reads.invalidate(CacheKeys.transcriptionsOf(audioFileId), CacheKeys.latestTranscriptionsOf(audioFileId));
        return stored;
    }

    public Optional<Transcription> find(UUID id) {
        return reads.read(CacheKeys.transcription(id), ONE, () -> catalog.transcriptions().find(id));
    }

    /** @throws NotFoundException when there is no such transcription */
    public Transcription get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("transcription", id.toString()));
    }

    /** Every transcription of the audio file, newest first. */
    public List<Transcription> listForAudioFile(UUID audioFileId) {
        return reads.read(CacheKeys.transcriptionsOf(audioFileId), MANY,
                () -> Optional.of(requireAudioFileIfEmpty(audioFileId, catalog.transcriptions().listForAudioFile(audioFileId))))
                .orElseThrow();
    }

    /** The newest transcription of the audio file per model version. */
    public List<Transcription> latestPerModelVersion(UUID audioFileId) {
        return reads.read(CacheKeys.latestTranscriptionsOf(audioFileId), MANY,
                () -> Optional.of(requireAudioFileIfEmpty(audioFileId, catalog.transcriptions().latestPerModelVersion(audioFileId))))
                .orElseThrow();
    }

    /** Filtered and paged, newest first; not cached. */
    public Page<Transcription> list(TranscriptionQuery query, PageRequest page) {
        return catalog.transcriptions().list(query, page);
    }

    /** An empty list may mean "no such audio file"; only then is the extra look-up worth it. */
    private List<Transcription> requireAudioFileIfEmpty(UUID audioFileId, List<Transcription> transcriptions) {
        if (transcriptions.isEmpty() && catalog.audioFiles().find(audioFileId).isEmpty()) {
            throw new NotFoundException("audio file", audioFileId.toString());
        }
        return transcriptions;
    }
}
