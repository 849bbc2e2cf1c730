package dev.pipestore.catalog;

import java.util.UUID;

/**
 * Filters for listing analysis results; a {@code null} field does not filter.
 *
 * @param audioFileId only results about this audio file
 * @param transcriptionId only results about this transcription
 * @param analysisType only this kind of analysis
 */
public record AnalysisResultQuery(UUID audioFileId, UUID transcriptionId, String analysisType) {

    public static AnalysisResultQuery all() {
        return new AnalysisResultQuery(null, null, null);
    }

    public static AnalysisResultQuery ofAudioFile(UUID id) {
        return new AnalysisResultQuery(id, null, null);
    }

    public static AnalysisResultQuery ofTranscription(UUID id) {
        return new AnalysisResultQuery(null, id, null);
    }

    public AnalysisResultQuery withType(String value) {
        return new AnalysisResultQuery(audioFileId, transcriptionId, value);
    }
}
