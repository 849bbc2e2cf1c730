package dev.pipestore.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for listing transcriptions; a {@code null} field does not filter.
 *
 * @param audioFileId only transcriptions of this audio file
 * @param language only this language tag
 * @param modelVersion only this model version
 * @param createdFrom only created at or after this instant
 * @param createdBefore only created before this instant
 */
public record TranscriptionQuery(UUID audioFileId, String language, String modelVersion, Instant createdFrom, Instant createdBefore) {

    public TranscriptionQuery {
        language = LanguageTags.normaliseOrNull("language", language);
    }

    public static TranscriptionQuery all() {
        return new TranscriptionQuery(null, null, null, null, null);
    }

    public TranscriptionQuery withAudioFile(UUID value) {
        return new TranscriptionQuery(value, language, modelVersion, createdFrom, createdBefore);
    }

    public TranscriptionQuery withLanguage(String value) {
        return new TranscriptionQuery(audioFileId, value, modelVersion, createdFrom, createdBefore);
    }

    public TranscriptionQuery withModelVersion(String value) {
        return new TranscriptionQuery(audioFileId, language, value, createdFrom, createdBefore);
    }

    public TranscriptionQuery createdBetween(Instant from, Instant before) {
        return new TranscriptionQuery(audioFileId, language, modelVersion, from, before);
    }
}
