package dev.pipestore.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for listing translations; a {@code null} field does not filter.
 *
 * @param transcriptionId only translations of this transcription
 * @param targetLanguage only this target language tag
 * @param modelVersion only this model version
 * @param createdFrom only created at or after this instant
 * @param createdBefore only created before this instant
 */
public record TranslationQuery(UUID transcriptionId, String targetLanguage, String modelVersion, Instant createdFrom, Instant createdBefore) {

    public TranslationQuery {
        targetLanguage = LanguageTags.normaliseOrNull("target_language", targetLanguage);
    }

    public static TranslationQuery all() {
        return new TranslationQuery(null, null, null, null, null);
    }

    public TranslationQuery withTranscription(UUID value) {
        return new TranslationQuery(value, targetLanguage, modelVersion, createdFrom, createdBefore);
    }

    public TranslationQuery withTargetLanguage(String value) {
        return new TranslationQuery(transcriptionId, value, modelVersion, createdFrom, createdBefore);
    }

    public TranslationQuery withModelVersion(String value) {
        return new TranslationQuery(transcriptionId, targetLanguage, value, createdFrom, createdBefore);
    }

    public TranslationQuery createdBetween(Instant from, Instant before) {
        return new TranslationQuery(transcriptionId, targetLanguage, modelVersion, from, before);
    }
}
