package dev.pipestore.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFileDeletion.DeletedTranslation;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.LanguageTags;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.Translation;
import dev.pipestore.catalog.TranslationQuery;
import dev.pipestore.json.RecordJson;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Translations of transcriptions, read through the cache. */
public final class TranslationService {

    private static final ObjectReader ONE = RecordJson.MAPPER.readerFor(Translation.class);
    private static final ObjectReader MANY = RecordJson.MAPPER.readerFor(new TypeReference<List<Translation>>() {});
    private static final ObjectReader PAGE = RecordJson.MAPPER.readerFor(new TypeReference<Page<Translation>>() {});

    private final Catalog catalog;
    private final CachedReads reads;
    private final TranscriptionService transcriptions;
    private final Clock clock;

    TranslationService(Catalog catalog, CachedReads reads, TranscriptionService transcriptions, Clock clock) {
        this.catalog = catalog;
        this.reads = reads;
        this.transcriptions = transcriptions;
        this.clock = clock;
    }

    /**
     * Adds a translation of {@code transcriptionId}; the source language defaults to the transcription's.
     *
     * @throws NotFoundException when the transcription does not exist
     */
    public Translation add(UUID transcriptionId, NewTranslation request) {
        Translation stored = catalog.translations().insert(checked(transcriptionId, request));
        invalidateListsOf(stored);
        return stored;
    }

    /**
     * Adds a translation as {@link #add(UUID, NewTranslation)} does, once per {@code idempotencyKey}: the same key with
     * the same translation (every field equal, numbers in the metadata by value) returns the first record and stores
     * nothing; with another translation it is a conflict. Keys are unique per transcription; {@code null} is
     * {@link #add(UUID, NewTranslation)}.
     *
     * @throws InvalidInputException naming {@code idempotency_key} when it is not 1 to 200 printable ASCII characters
     * @throws dev.pipestore.ConflictException when the key was used for another translation of this transcription
     */
    public Translation add(UUID transcriptionId, NewTranslation request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return add(transcriptionId, request);
        }
        String key = Fields.idempotencyKey("idempotency_key", idempotencyKey);
        Translation candidate = checked(transcriptionId, request);
        try {
            return IdempotentWrites.once(() -> catalog.translations().findByIdempotencyKey(transcriptionId, key),
                    () -> catalog.translations().insert(candidate, key), earlier -> sameRequest(earlier, candidate, key));
        } finally {
            // Also on a retry, answered or refused: the first attempt may have committed and failed before it could.
            invalidateListsOf(candidate);
        }
    }

    /** A retry asks for the same translation when all it sent is equal, numbers in its metadata by value. */
    private static Translation sameRequest(Translation earlier, Translation retry, String key) {
        if (!earlier.content().equals(retry.content()) || !earlier.targetLanguage().equals(retry.targetLanguage())
                || !Objects.equals(earlier.sourceLanguage(), retry.sourceLanguage())
                || !Objects.equals(earlier.modelVersion(), retry.modelVersion())
                || !Objects.equals(earlier.confidence(), retry.confidence())
                || !JsonValues.sameValue(earlier.metadata(), retry.metadata())) {
            throw new ConflictException("idempotency key '" + key + "' was already used for translation "
                    + earlier.id() + " of transcription " + earlier.transcriptionId() + ", with a different translation");
        }
        return earlier;
    }

    private void invalidateListsOf(Translation translation) {
        invalidateListsOf(translation.transcriptionId(), translation.targetLanguage());
    }

    private void invalidateListsOf(UUID transcription, String targetLanguage) {
        reads.invalidate(CacheKeys.translationsOf(transcription, targetLanguage), CacheKeys.translationsOf(transcription, null),
                CacheKeys.firstTranslationPageOf(transcription, targetLanguage),
                CacheKeys.firstTranslationPageOf(transcription, null));
    }

    /** Drops the deleted translation and the lists it was in. */
    void invalidate(DeletedTranslation deleted) {
        reads.invalidate(CacheKeys.translation(deleted.id()));
        invalidateListsOf(deleted.transcriptionId(), deleted.targetLanguage());
    }

    /** The record {@code request} makes, checked; reads the transcription for its language and to prove it exists. */
    private Translation checked(UUID transcriptionId, NewTranslation request) {
        if (request.targetLanguage() == null) {
            throw new InvalidInputException("target_language", "is required");
        }
        Transcription source = catalog.transcriptions().get(transcriptionId);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String sourceLanguage = request.sourceLanguage() != null ? request.sourceLanguage() : source.language();
        return new Translation(UUID.randomUUID(), transcriptionId, ResultChecks.content(request.content()),
                sourceLanguage, request.targetLanguage(), request.confidence(), now,
                ResultChecks.label("model_version", request.modelVersion()),
                ResultChecks.metadata(request.metadata()), now, null);
    }

    /** The translation, through the cache, or empty when there is none. */
    public Optional<Translation> find(UUID id) {
        return reads.read(CacheKeys.translation(id), ONE, () -> catalog.translations().find(id));
    }

    /** @throws NotFoundException when there is no such translation */
    public Translation get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("translation", id.toString()));
    }

    /**
     * Translations of the transcription into {@code targetLanguage} ({@code null}: all), newest first, read and cached
     * whole; where there may be many, page with {@link #listForTranscription(UUID, String, PageRequest)}.
     */
    public List<Translation> listForTranscription(UUID transcriptionId, String targetLanguage) {
        String target = LanguageTags.normaliseOrNull("target_language", targetLanguage);
        List<Translation> found = reads.read(CacheKeys.translationsOf(transcriptionId, target), MANY,
                () -> Optional.of(catalog.translations().listForTranscription(transcriptionId, target))).orElseThrow();
        requireTranscriptionIfEmpty(transcriptionId, found.isEmpty());
        return found;
    }

    /**
     * An empty list may mean "no such transcription", also when it comes from the cache: a list of a language the
     * transcription never had is not known to its deletion, so it is not invalidated with it. The transcription itself
     * is (and is usually a cache hit), so it is the one asked.
     */
    private void requireTranscriptionIfEmpty(UUID transcriptionId, boolean empty) {
        if (empty && transcriptions.find(transcriptionId).isEmpty()) {
            throw new NotFoundException("transcription", transcriptionId.toString());
        }
    }

    /**
     * One page of the transcription's translations into {@code targetLanguage} ({@code null}: all), newest first;
     * follow {@link Page#nextCursor()} for the next. The first page of the default size is read through the cache.
     *
     * @throws NotFoundException when the transcription does not exist
     */
    public Page<Translation> listForTranscription(UUID transcriptionId, String targetLanguage, PageRequest page) {
        String target = LanguageTags.normaliseOrNull("target_language", targetLanguage);
        Supplier<Page<Translation>> load = () -> catalog.translations().list(
                TranslationQuery.all().withTranscription(transcriptionId).withTargetLanguage(target), page);
        Page<Translation> found = page.equals(PageRequest.firstPage())
                ? reads.read(CacheKeys.firstTranslationPageOf(transcriptionId, target), PAGE, () -> Optional.of(load.get()))
                        .orElseThrow()
                : load.get();
        requireTranscriptionIfEmpty(transcriptionId, found.items().isEmpty());
        return found;
    }

    /** Filtered and paged, newest first; not cached. */
    public Page<Translation> list(TranslationQuery query, PageRequest page) {
        return catalog.translations().list(query, page);
    }
}
