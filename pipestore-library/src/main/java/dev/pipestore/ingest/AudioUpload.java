package dev.pipestore.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.LanguageTags;
import dev.pipestore.catalog.Metadata;

/**
 * What a caller says about an audio upload besides its bytes.
 *
 * @param originalName the file name as the caller knows it; sanitised for the object key, kept as given in the row
 * @param contentType the declared MIME type, or {@code null}; content contradicting it is refused
 * @param language BCP 47 tag of the speech, or {@code null}
 * @param metadata a JSON object of at most {@link Metadata#MAX_BYTES}, or {@code null}
 * @param idempotencyKey a retry of the same key returns the first record and stores nothing twice; or {@code null}
 * @param dedupeByContent return an existing file of the same uploader with the same SHA-256 instead of storing another
 *     copy; a check before the write, so identical uploads that race may each store one (an idempotency key is what
 *     makes racing retries store once)
 * @param uploadedBy who uploads, kept in the record's {@code uploaded_by} (the server sets the API key's id; never a
 *     secret), or {@code null}
 */
public record AudioUpload(
        String originalName, String contentType, String language, ObjectNode metadata, String idempotencyKey,
        boolean dedupeByContent, String uploadedBy) {

    public AudioUpload {
        originalName = UploadChecks.originalName(originalName);
        language = LanguageTags.normaliseOrNull("language", language);
        metadata = UploadChecks.metadata(metadata);
        idempotencyKey = UploadChecks.idempotencyKey(idempotencyKey);
        uploadedBy = Fields.uploader(uploadedBy);
    }

    /** An upload naming no uploader. */
    public AudioUpload(String originalName, String contentType, String language, ObjectNode metadata, String idempotencyKey,
            boolean dedupeByContent) {
        this(originalName, contentType, language, metadata, idempotencyKey, dedupeByContent, null);
    }

    /** An upload with only a name. */
    public static AudioUpload named(String originalName) {
        return new AudioUpload(originalName, null, null, null, null, false, null);
    }

    public AudioUpload withContentType(String value) {
        return new AudioUpload(originalName, value, language, metadata, idempotencyKey, dedupeByContent, uploadedBy);
    }

    public AudioUpload withLanguage(String value) {
        return new AudioUpload(originalName, contentType, value, metadata, idempotencyKey, dedupeByContent, uploadedBy);
    }

    public AudioUpload withMetadata(ObjectNode value) {
        return new AudioUpload(originalName, contentType, language, value, idempotencyKey, dedupeByContent, uploadedBy);
    }

    public AudioUpload withIdempotencyKey(String value) {
        return new AudioUpload(originalName, contentType, language, metadata, value, dedupeByContent, uploadedBy);
    }

    public AudioUpload deduplicatingByContent() {
        return new AudioUpload(originalName, contentType, language, metadata, idempotencyKey, true, uploadedBy);
    }

    /** The same upload, recorded as uploaded by {@code value}. */
    public AudioUpload withUploadedBy(String value) {
        return new AudioUpload(originalName, contentType, language, metadata, idempotencyKey, dedupeByContent, value);
    }
}
