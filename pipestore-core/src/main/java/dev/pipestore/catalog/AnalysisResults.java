package dev.pipestore.catalog;

import dev.pipestore.NotFoundException;
import java.util.List;
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
    void insertBatch(List<AnalysisResult> results);

    Optional<AnalysisResult> find(UUID id);

    default AnalysisResult get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("analysis result", id.toString()));
    }

    /** Newest first. */
    Page<AnalysisResult> list(AnalysisResultQuery query, PageRequest page);
}
