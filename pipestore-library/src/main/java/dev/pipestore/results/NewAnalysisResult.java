package dev.pipestore.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * An analysis result to add; at least one of {@code audioFileId} and {@code transcriptionId} is set. A result on a
 * transcription is stored with that transcription's audio file, which {@code audioFileId} may repeat but not contradict.
 *
 * @param audioFileId the audio file analysed, or {@code null}
 * @param transcriptionId the transcription analysed, or {@code null}
 * @param analysisType what kind of analysis, for example {@code sentiment}
 * @param result any JSON value
 * @param confidence 0 to 1, or {@code null}
 * @param modelVersion the model that produced it, or {@code null}
 * @param idempotencyKey stores the result once per key, which is unique per audio file (see
 *     {@link ResultService#addBatch}); {@code null} for none
 */
public record NewAnalysisResult(UUID audioFileId, UUID transcriptionId, String analysisType, JsonNode result, Double confidence,
        String modelVersion, String idempotencyKey) {

    /** A result without an idempotency key. */
    public NewAnalysisResult(UUID audioFileId, UUID transcriptionId, String analysisType, JsonNode result, Double confidence,
            String modelVersion) {
        this(audioFileId, transcriptionId, analysisType, result, confidence, modelVersion, null);
    }
}
