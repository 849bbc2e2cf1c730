package dev.pipestore.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The seed's {@code transcriptions} row. Timed segments, when present, sit in {@code metadata.segments} in the shape
 * {@link Segments} defines, and are checked when the record is built (except when {@link StoredValues} reads back what
 * the store wrote).
 *
 * @param id primary key
 * @param audioFileId the audio file transcribed
 * @param content the transcript text
 * @param language BCP 47 tag, or {@code null}
 * @param confidence 0 to 1, or {@code null}
 * @param createdAt when the row was committed
 * @param modelVersion the model that produced it, or {@code null}
 * @param metadata JSON object, never {@code null}
 * @param updatedAt last change
 * @param archivedAt when it was bundled into the archive, or {@code null}
 */
public record Transcription(
        UUID id,
        UUID audioFileId,
        String content,
        String language,
        Double confidence,
        Instant createdAt,
        String modelVersion,
        ObjectNode metadata,
        Instant updatedAt,
        Instant archivedAt) {

    public Transcription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audioFileId, "audioFileId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        language = LanguageTags.normaliseOrNull("language", language);
        Fields.requireConfidence("confidence", confidence);
        Fields.requireMaxLength("model_version", modelVersion, 50);
        metadata = Metadata.copyOrEmpty(metadata);
        if (!StoredValues.decoding()) {
            Segments.fromMetadata(metadata);
        }
    }
}
