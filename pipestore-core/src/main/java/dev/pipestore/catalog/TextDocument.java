package dev.pipestore.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored raw text document (UTF-8) under {@code raw/text/YYYY-MM-DD/}.
 *
 * @param id primary key
 * @param filePath {@code bucket/key} of the object
 * @param fileSize bytes
 * @param createdAt when the row was committed
 * @param metadata caller's JSON object, never {@code null}
 * @param contentSha256 lower-case hex SHA-256 of the bytes
 * @param originalName the file name the caller gave
 * @param objectKey the object's key in its bucket
 * @param storageTier standard or archive
 * @param language BCP 47 tag, or {@code null}
 * @param idempotencyKey the caller's retry key, or {@code null}
 * @param updatedAt last change
 * @param archivedAt when it moved to the archive, or {@code null}
 * @param uploadedBy who uploaded it (over HTTP, the uploading API key's id; never a secret), or {@code null} when
 *     nobody was named or the row predates the column
 */
public record TextDocument(
        UUID id,
        String filePath,
        long fileSize,
        Instant createdAt,
        ObjectNode metadata,
        String contentSha256,
        String originalName,
        String objectKey,
        StorageTier storageTier,
        String language,
        String idempotencyKey,
        Instant updatedAt,
        Instant archivedAt,
        String uploadedBy) {

    public TextDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filePath, "filePath");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(contentSha256, "contentSha256");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(storageTier, "storageTier");
        Objects.requireNonNull(updatedAt, "updatedAt");
        metadata = Metadata.copyOrEmpty(metadata);
        language = LanguageTags.normaliseOrNull("language", language);
        Fields.requireMaxLength("file_path", filePath, 255);
        Fields.requireMaxLength("idempotency_key", idempotencyKey, Fields.MAX_IDEMPOTENCY_KEY);
        uploadedBy = Fields.uploader(uploadedBy);
    }

    /** A document nobody is named as the uploader of. */
    public TextDocument(UUID id, String filePath, long fileSize, Instant createdAt, ObjectNode metadata, String contentSha256,
            String originalName, String objectKey, StorageTier storageTier, String language, String idempotencyKey,
            Instant updatedAt, Instant archivedAt) {
        this(id, filePath, fileSize, createdAt, metadata, contentSha256, originalName, objectKey, storageTier, language,
                idempotencyKey, updatedAt, archivedAt, null);
    }
}
