package dev.pipestore.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The seed's {@code translations} row, plus a metadata object and bookkeeping times.
 *
 * @param id primary key
 * @param transcriptionId the transcription translated
 * @param content the translated text
 * @param sourceLanguage BCP 47 tag, or {@code null}
 * @param targetLanguage BCP 47 tag
 * @param confidence 0 to 1, or {@code null}
 * @param createdAt when the row was committed
 * @param modelVersion the model that produced it, or {@code null}
 * @param metadata JSON object, never {@code null}
 * @param updatedAt last change
 * @param archivedAt when it was bundled into the archive, or {@code null}
 */
public record Translation(
        UUID id,
        UUID transcriptionId,
        String content,
        String sourceLanguage,
        String targetLanguage,
        Double confidence,
        Instant createdAt,
        String modelVersion,
        ObjectNode metadata,
        Instant updatedAt,
        Instant archivedAt) {

    public Translation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(transcriptionId, "transcriptionId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        sourceLanguage = LanguageTags.normaliseOrNull("source_language", sourceLanguage);
        targetLanguage = LanguageTags.normaliseOrNull("target_language", targetLanguage);
        Fields.requireConfidence("confidence", confidence);
        Fields.requireMaxLength("model_version", modelVersion, 50);
        metadata = Metadata.copyOrEmpty(metadata);
    }
}
