package dev.pipestore.results;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A translation to add to a transcription.
 *
 * @param content the translated text
 * @param sourceLanguage BCP 47 tag; {@code null} takes the transcription's language
 * @param targetLanguage BCP 47 tag, required
 * @param confidence 0 to 1, or {@code null}
 * @param modelVersion the model that produced it, or {@code null}
 * @param metadata a JSON object, or {@code null}
 */
public record NewTranslation(String content, String sourceLanguage, String targetLanguage, Double confidence, String modelVersion,
        ObjectNode metadata) {

    public static NewTranslation of(String content, String targetLanguage) {
        return new NewTranslation(content, null, targetLanguage, null, null, null);
    }

    public NewTranslation withSource(String value) {
        return new NewTranslation(content, value, targetLanguage, confidence, modelVersion, metadata);
    }

    public NewTranslation withModel(String value) {
        return new NewTranslation(content, sourceLanguage, targetLanguage, confidence, value, metadata);
    }

    public NewTranslation withConfidence(Double value) {
        return new NewTranslation(content, sourceLanguage, targetLanguage, value, modelVersion, metadata);
    }
}
