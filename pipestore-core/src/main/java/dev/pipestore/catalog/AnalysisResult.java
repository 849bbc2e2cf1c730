package dev.pipestore.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One processing result (the seed's "Processing Results"): an analysis of an audio file or of a transcription.
 *
 * @param id primary key
 * @param audioFileId the audio file analysed, or {@code null}
 * @param transcriptionId the transcription analysed, or {@code null}; at least one of the two is set
 * @param analysisType what kind of analysis, for example {@code sentiment}, {@code diarization}, {@code keywords}
 * @param result the analysis output, any JSON value
 * @param confidence 0 to 1, or {@code null}
 * @param modelVersion the model that produced it, or {@code null}
 * @param createdAt when the row was committed
 */
public record AnalysisResult(
        UUID id,
        UUID audioFileId,
        UUID transcriptionId,
        String analysisType,
        JsonNode result,
        Double confidence,
        String modelVersion,
        Instant createdAt) {

    public AnalysisResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (audioFileId == null && transcriptionId == null) {
            throw new InvalidInputException("audio_file_id", "an analysis result needs an audio_file_id or a transcription_id");
        }
        if (analysisType == null || analysisType.isBlank()) {
            throw new InvalidInputException("analysis_type", "must not be empty");
        }
        Fields.requireMaxLength("analysis_type", analysisType, 50);
        if (result == null) {
            throw new InvalidInputException("result", "is required: any JSON value");
        }
        result = Metadata.storedForm("result", result);
        Fields.requireConfidence("confidence", confidence);
        Fields.requireMaxLength("model_version", modelVersion, 50);
    }
}
