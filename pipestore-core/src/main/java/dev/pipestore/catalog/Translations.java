package dev.pipestore.catalog;

import dev.pipestore.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of translation rows. */
public interface Translations {

    /**
     * @throws NotFoundException when the transcription does not exist
     * @throws dev.pipestore.ConflictException when the id is already taken
     */
    Translation insert(Translation translation);

    /**
     * Inserts {@code translation} under {@code idempotencyKey}, which is unique per transcription.
     *
     * @throws dev.pipestore.ConflictException when the transcription has a translation under that key already
     */
    Translation insert(Translation translation, String idempotencyKey);

    /** The translation of {@code transcriptionId} stored under {@code idempotencyKey}, if any. */
    Optional<Translation> findByIdempotencyKey(UUID transcriptionId, String idempotencyKey);

    Optional<Translation> find(UUID id);

    default Translation get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("translation", id.toString()));
    }

    /** Translations of the transcription into {@code targetLanguage} (all targets when {@code null}), newest first. */
    List<Translation> listForTranscription(UUID transcriptionId, String targetLanguage);

    /** Newest first. */
    Page<Translation> list(TranslationQuery query, PageRequest page);
}
