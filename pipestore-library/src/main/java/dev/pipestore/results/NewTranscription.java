package dev.pipestore.results;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A transcription to add to an audio file.
 *
 * @param content the transcript text
 * @param language BCP 47 tag, or {@code null}
 * @param confidence 0 to 1, or {@code null}
 * @param modelVersion the model that produced it, or {@code null}
 * @param metadata a JSON object, optionally with timed {@code segments}; or {@code null}
 */
public record NewTranscription(String content, String language, Double confidence, String modelVersion, ObjectNode metadata) {

    public static NewTranscription of(String content, String language) {
        return new NewTranscription(content, language, null, null, null);
    }

    public NewTranscription withModel(String value) {
        return new NewTranscription(content, language, confidence, value, metadata);
    }

    public NewTranscription withConfidence(Double value) {
        return new NewTranscription(content, language, value, modelVersion, metadata);
    }

    public NewTranscription withMetadata(ObjectNode value) {
        return new NewTranscription(content, language, confidence, modelVersion, value);
    }
}
