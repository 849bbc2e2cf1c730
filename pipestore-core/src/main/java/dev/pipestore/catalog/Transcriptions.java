package dev.pipestore.catalog;

import dev.pipestore.NotFoundException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Repository of transcription rows. */
public interface Transcriptions {

    /**
     * @throws NotFoundException when the audio file does not exist
     * @throws dev.pipestore.ConflictException when the id is already taken
     */
    Transcription insert(Transcription transcription);

    /**
     * Stores all transcriptions in one transaction: either every row is stored or none is. An empty list stores
     * nothing and succeeds. Rows are sent in JDBC batches; any number of rows is accepted (callers bound their batches).
     *
     * @throws NotFoundException naming the first audio file of the batch that does not exist
     * @throws dev.pipestore.ConflictException naming an id that is already taken or appears twice in the batch
     * @throws dev.pipestore.InvalidInputException when a value cannot be stored (a NUL character, a time outside the
     *     years the catalog holds); its field names the row, {@code transcriptions[i].column}, {@code i} counting from 0
     */
    default void insertBatch(List<Transcription> transcriptions) {
        insertBatch(transcriptions, Collections.nCopies(transcriptions.size(), null));
    }

    /**
     * Stores all transcriptions in one transaction as {@link #insertBatch(List)} does, each under the idempotency key at
     * the same position of {@code idempotencyKeys} ({@code null} for none); keys are unique per audio file.
     *
     * @throws dev.pipestore.ConflictException also when one of the keys is taken already; nothing is stored then
     */
    void insertBatch(List<Transcription> transcriptions, List<String> idempotencyKeys);

    /**
     * Inserts {@code transcription} under {@code idempotencyKey}, which is unique per audio file.
     *
     * @throws dev.pipestore.ConflictException when the audio file has a transcription under that key already
     * @throws NotFoundException when the audio file does not exist
     */
    Transcription insert(Transcription transcription, String idempotencyKey);

    /** The transcription of {@code audioFileId} stored under {@code idempotencyKey}, if any. */
    Optional<Transcription> findByIdempotencyKey(UUID audioFileId, String idempotencyKey);

    /** The transcriptions stored under any of {@code keys}, by key; keys nothing is stored under are left out. */
    Map<IdempotencyKey, Transcription> findByIdempotencyKeys(Collection<IdempotencyKey> keys);

    Optional<Transcription> find(UUID id);

    default Transcription get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("transcription", id.toString()));
    }

    /** Every transcription of the audio file, newest first. */
    List<Transcription> listForAudioFile(UUID audioFileId);

    /** The newest transcription of the audio file for each model version (a {@code null} model version counts as one). */
    List<Transcription> latestPerModelVersion(UUID audioFileId);

    /** Newest first. */
    Page<Transcription> list(TranscriptionQuery query, PageRequest page);
}
