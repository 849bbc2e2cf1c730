package dev.pipestore.catalog;

import dev.pipestore.NotFoundException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Repository of analysis result rows; written in batches. */
public interface AnalysisResults {

    /**
     * Stores all results in one transaction: either every row is stored or none is.
     *
     * @throws NotFoundException when a referenced audio file or transcription does not exist
     * @throws dev.pipestore.ConflictException when an id is already taken
     */
    default void insertBatch(List<AnalysisResult> results) {
        insertBatch(results, Collections.nCopies(results.size(), null));
    }

    /**
     * Stores all results in one transaction as {@link #insertBatch(List)} does, each under the idempotency key at the
     * same position of {@code idempotencyKeys} ({@code null} for none); keys are unique per audio file.
     *
     * @throws dev.pipestore.ConflictException also when one of the keys is taken already; nothing is stored then
     */
    void insertBatch(List<AnalysisResult> results, List<String> idempotencyKeys);

    /** The results stored under any of {@code keys}, by key; keys nothing is stored under are left out. */
    Map<IdempotencyKey, AnalysisResult> findByIdempotencyKeys(Collection<IdempotencyKey> keys);

    Optional<AnalysisResult> find(UUID id);

    default AnalysisResult get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("analysis result", id.toString()));
    }

    /** Newest first. */
    Page<AnalysisResult> list(AnalysisResultQuery query, PageRequest page);
}
