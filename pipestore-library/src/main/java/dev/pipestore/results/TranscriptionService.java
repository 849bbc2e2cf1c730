package dev.pipestore.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.IdempotencyKey;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Segments;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.TranscriptionQuery;
import dev.pipestore.json.RecordJson;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Transcriptions of audio files: added with their segments checked against the audio, read through the cache. */
public final class TranscriptionService {

    /** Most transcriptions accepted in one {@link #addBatch}. */
    public static final int MAX_BATCH = 10_000;

    /** The catalog names a row it cannot store {@code transcriptions[i].column}; {@link #addBatch} calls it an item. */
    private static final String CATALOG_ROWS = "transcriptions";

    private static final ObjectReader ONE = RecordJson.MAPPER.readerFor(Transcription.class);
    private static final ObjectReader MANY = RecordJson.MAPPER.readerFor(new TypeReference<List<Transcription>>() {});
    private static final ObjectReader PAGE = RecordJson.MAPPER.readerFor(new TypeReference<Page<Transcription>>() {});

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
        Transcription stored = catalog.transcriptions().insert(checked(audio, request, now()));
        invalidateListsOf(audioFileId);
        return stored;
    }

    /**
     * Adds a transcription as {@link #add(UUID, NewTranscription)} does, once per {@code idempotencyKey}, so a worker
     * may retry after a timeout that could have hidden a commit: the same key with the same transcription (every
     * field equal, numbers in the metadata by value) returns the first record and stores nothing; with another transcription it is a
     * conflict. Keys are unique per audio file; {@code null} is {@link #add(UUID, NewTranscription)}.
     *
     * @throws InvalidInputException naming {@code idempotency_key} when it is not 1 to 200 printable ASCII characters
     * @throws ConflictException when the key was used for another transcription of this audio file
     */
    public Transcription add(UUID audioFileId, NewTranscription request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return add(audioFileId, request);
        }
        String key = Fields.idempotencyKey("idempotency_key", idempotencyKey);
        AudioFile audio = catalog.audioFiles().get(audioFileId);
        Transcription candidate = checked(audio, request, now());
        try {
            return IdempotentWrites.once(() -> catalog.transcriptions().findByIdempotencyKey(audioFileId, key),
                    () -> catalog.transcriptions().insert(candidate, key), earlier -> sameRequest(earlier, candidate, key));
        } finally {
            // Also on a retry, answered or refused: the first attempt may have committed and failed before it could.
            invalidateListsOf(audioFileId);
        }
    }

    /** A retry asks for the same transcription when all it sent is equal, numbers in its metadata by value. */
    private static Transcription sameRequest(Transcription earlier, Transcription retry, String key) {
        if (!earlier.content().equals(retry.content()) || !Objects.equals(earlier.language(), retry.language())
                || !Objects.equals(earlier.modelVersion(), retry.modelVersion())
                || !Objects.equals(earlier.confidence(), retry.confidence())
                || !JsonValues.sameValue(earlier.metadata(), retry.metadata())) {
            throw new ConflictException("idempotency key '" + key + "' was already used for transcription " + earlier.id()
                    + " of audio file " + earlier.audioFileId() + ", with a different transcription");
        }
        return earlier;
    }

    /**
     * Adds many transcriptions, of one audio file or of several, in one catalog transaction: all are stored or none is.
     * Each item is checked as {@link #add} checks it, and each audio file is read once however many items name it.
     * The cached transcription lists of every audio file named are invalidated after the commit.
     *
     * <p>An item with an idempotency key is stored once per key, so a worker may send a batch again after a timeout
     * that could have hidden its commit: an item whose key holds a transcription already is answered by that one
     * (checked as {@link #add(UUID, NewTranscription, String)} checks a retry), the others are stored.
     *
     * @param items 1 to {@value #MAX_BATCH} transcriptions, stored in this order
     * @return the transcriptions answering the items, in their order: all stored now with one creation time, but for
     *     items answered by an earlier transcription under their key
     * @throws InvalidInputException naming the first bad item and its field, for example {@code items[3].confidence},
     *     {@code items[0].segments[2]} or {@code items[5].idempotency_key} (also when two items of one audio file share
     *     a key); or naming {@code items} when the batch is empty or too large
     * @throws NotFoundException when an audio file named by an item does not exist
     * @throws ConflictException when an item's key holds another transcription of its audio file
     */
    public List<Transcription> addBatch(List<TranscriptionItem> items) {
        if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
            throw new InvalidInputException("items", "a batch holds 1 to " + MAX_BATCH + " transcriptions, got "
                    + (items == null ? 0 : items.size()));
        }
        Instant now = now();
        Map<UUID, AudioFile> audioFiles = new LinkedHashMap<>();
        List<Transcription> transcriptions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String item = "items[" + i + "]";
            TranscriptionItem request = items.get(i);
            if (request == null || request.audioFileId() == null || request.transcription() == null) {
                throw new InvalidInputException(item, "needs an audio_file_id and a transcription");
            }
            AudioFile audio;
            try {
                audio = audioFiles.computeIfAbsent(request.audioFileId(), catalog.audioFiles()::get);
            } catch (NotFoundException e) {
                throw e.namedBy(item + ".audio_file_id");
            }
            try {
                transcriptions.add(checked(audio, request.transcription(), now));
            } catch (InvalidInputException e) {
                throw e.inItem("items", i);
            }
        }
        List<IdempotencyKey> keys = IdempotentWrites.checkedKeys(items.stream().map(TranscriptionItem::idempotencyKey).toList(),
                i -> items.get(i).audioFileId(), "items");
        boolean keyed = keys.stream().anyMatch(Objects::nonNull);
        List<Transcription> answers;
        try {
            answers = IdempotentWrites.onceEach(transcriptions, keys, IdempotentWrites.insertingAt(transcriptions, keys,
                    catalog.transcriptions()::insertBatch, CATALOG_ROWS, "items"),
                    catalog.transcriptions()::findByIdempotencyKeys, TranscriptionService::sameRequest);
        } catch (RuntimeException e) {
            if (keyed) {
                // A retry refused as a conflict may follow an attempt that committed but never invalidated.
                audioFiles.keySet().forEach(this::invalidateListsOf);
            }
            throw e;
        }
        audioFiles.keySet().forEach(this::invalidateListsOf);
        return List.copyOf(answers);
    }

    /** The transcription, through the cache, or empty when there is none. */
    public Optional<Transcription> find(UUID id) {
        return reads.read(CacheKeys.transcription(id), ONE, () -> catalog.transcriptions().find(id));
    }

    /** @throws NotFoundException when there is no such transcription */
    public Transcription get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("transcription", id.toString()));
    }

    /**
     * Every transcription of the audio file, newest first, read and cached whole: for files with a handful of
     * transcriptions. Where there may be many, or long ones, page with {@link #listForAudioFile(UUID, PageRequest)}.
     */
    public List<Transcription> listForAudioFile(UUID audioFileId) {
        return reads.read(CacheKeys.transcriptionsOf(audioFileId), MANY,
                () -> Optional.of(requireAudioFileIfEmpty(audioFileId, catalog.transcriptions().listForAudioFile(audioFileId))))
                .orElseThrow();
    }

    /**
     * One page of the audio file's transcriptions, newest first; follow {@link Page#nextCursor()} for the next. The
     * first page of the default size is read through the cache, like the whole list.
     *
     * @throws NotFoundException when the audio file does not exist
     */
    public Page<Transcription> listForAudioFile(UUID audioFileId, PageRequest page) {
        Supplier<Page<Transcription>> load = () -> {
            Page<Transcription> found = catalog.transcriptions().list(TranscriptionQuery.all().withAudioFile(audioFileId), page);
            requireAudioFileIfEmpty(audioFileId, found.items());
            return found;
        };
        if (!page.equals(PageRequest.firstPage())) {
            return load.get();
        }
        return reads.read(CacheKeys.firstTranscriptionPageOf(audioFileId), PAGE, () -> Optional.of(load.get())).orElseThrow();
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

    /**
     * A new row for {@code request}, after the checks {@link #add} promises but one: the metadata size limit is the
     * catalog's, which measures the JSON text it writes anyway (and names the row of a batch), rather than writing it
     * once more here. Not stored yet.
     */
    private static Transcription checked(AudioFile audio, NewTranscription request, Instant now) {
        Transcription transcription = new Transcription(UUID.randomUUID(), audio.id(), ResultChecks.content(request.content()),
                request.language(), request.confidence(), now, ResultChecks.label("model_version", request.modelVersion()),
                request.metadata(), now, null);
        Segments.requireWithin(transcription.metadata(), audio.durationPrecise());
        return transcription;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Drops the deleted transcription. Its translation lists need nothing more: those with a translation go with that
     * translation's invalidation, and an empty one is answered only once this record is found.
     */
    void invalidate(UUID transcriptionId) {
        reads.invalidate(CacheKeys.transcription(transcriptionId));
    }

    void invalidateListsOf(UUID audioFileId) {
        reads.invalidate(CacheKeys.transcriptionsOf(audioFileId), CacheKeys.firstTranscriptionPageOf(audioFileId),
                CacheKeys.latestTranscriptionsOf(audioFileId));
    }

    /** An empty list may mean "no such audio file"; only then is the extra look-up worth it. */
    private List<Transcription> requireAudioFileIfEmpty(UUID audioFileId, List<Transcription> transcriptions) {
        if (transcriptions.isEmpty() && catalog.audioFiles().find(audioFileId).isEmpty()) {
            throw new NotFoundException("audio file", audioFileId.toString());
        }
        return transcriptions;
    }
}
