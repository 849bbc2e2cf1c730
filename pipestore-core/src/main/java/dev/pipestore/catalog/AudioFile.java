package dev.pipestore.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One stored audio file: the seed's {@code audio_files} row plus what pipestore needs to find and check its bytes.
 *
 * @param id primary key
 * @param filePath {@code bucket/key} of the object, as in the seed's layout
 * @param fileSize bytes
 * @param durationSeconds whole seconds, rounded to nearest, measured from the audio
 * @param createdAt when the row was committed
 * @param format container format, for example {@code wav}, {@code mp3}, {@code flac}, {@code ogg}, {@code opus}, {@code m4a}
 * @param status pipeline status
 * @param metadata caller's JSON object, never {@code null}
 * @param contentSha256 lower-case hex SHA-256 of the bytes
 * @param originalName the file name the caller gave, unsanitised
 * @param objectKey the object's key in its bucket
 * @param storageTier standard or archive
 * @param durationPrecise seconds with the probe's full precision
 * @param sampleRate samples per second, or {@code null} when the format does not say
 * @param channels channel count, or {@code null} when the format does not say
 * @param language BCP 47 tag of the spoken language, or {@code null}
 * @param idempotencyKey the caller's retry key, or {@code null}
 * @param updatedAt last change of status or metadata
 * @param archivedAt when it moved to the archive, or {@code null}
 * @param uploadedBy who uploaded it (over HTTP, the uploading API key's id; never a secret), or {@code null} when
 *     nobody was named or the row predates the column
 */
public record AudioFile(
        UUID id,
        String filePath,
        long fileSize,
        int durationSeconds,
        Instant createdAt,
        String format,
        AudioStatus status,
        ObjectNode metadata,
        String contentSha256,
        String originalName,
        String objectKey,
        StorageTier storageTier,
        double durationPrecise,
        Integer sampleRate,
        Integer channels,
        String language,
        String idempotencyKey,
        Instant updatedAt,
        Instant archivedAt,
        String uploadedBy) {

    public AudioFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filePath, "filePath");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(contentSha256, "contentSha256");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(storageTier, "storageTier");
        Objects.requireNonNull(updatedAt, "updatedAt");
        metadata = Metadata.copyOrEmpty(metadata);
        language = LanguageTags.normaliseOrNull("language", language);
        Fields.requireMaxLength("file_path", filePath, 255);
        Fields.requireMaxLength("format", format, 10);
        Fields.requireMaxLength("idempotency_key", idempotencyKey, Fields.MAX_IDEMPOTENCY_KEY);
        uploadedBy = Fields.uploader(uploadedBy);
        if (fileSize < 0) {
            throw new IllegalArgumentException("fileSize must be at least 0: " + fileSize);
        }
    }

    /** A file nobody is named as the uploader of. */
    public AudioFile(UUID id, String filePath, long fileSize, int durationSeconds, Instant createdAt, String format,
            AudioStatus status, ObjectNode metadata, String contentSha256, String originalName, String objectKey,
            StorageTier storageTier, double durationPrecise, Integer sampleRate, Integer channels, String language,
            String idempotencyKey, Instant updatedAt, Instant archivedAt) {
        this(id, filePath, fileSize, durationSeconds, createdAt, format, status, metadata, contentSha256, originalName,
                objectKey, storageTier, durationPrecise, sampleRate, channels, language, idempotencyKey, updatedAt, archivedAt,
                null);
    }

    public AudioFile withStatus(AudioStatus newStatus, Instant at) {
        return new AudioFile(id, filePath, fileSize, durationSeconds, createdAt, format, newStatus, metadata, contentSha256,
                originalName, objectKey, storageTier, durationPrecise, sampleRate, channels, language, idempotencyKey, at,
                archivedAt, uploadedBy);
    }

    public AudioFile withUploadedBy(String value) {
        return new AudioFile(id, filePath, fileSize, durationSeconds, createdAt, format, status, metadata, contentSha256,
                originalName, objectKey, storageTier, durationPrecise, sampleRate, channels, language, idempotencyKey, updatedAt,
                archivedAt, value);
    }

    public AudioFile withMetadata(ObjectNode newMetadata, Instant at) {
        return new AudioFile(id, filePath, fileSize, durationSeconds, createdAt, format, status, newMetadata, contentSha256,
                originalName, objectKey, storageTier, durationPrecise, sampleRate, channels, language, idempotencyKey, at,
                archivedAt, uploadedBy);
    }
}
