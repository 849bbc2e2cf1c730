package dev.pipestore.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.LanguageTags;

/**
 * What a caller says about a raw text upload besides its bytes (which must be UTF-8).
 *
 * @param originalName the file name as the caller knows it
 * @param language BCP 47 tag, or {@code null}
 * @param metadata a JSON object, or {@code null}
 * @param idempotencyKey a retry of the same key returns the first record; or {@code null}
 * @param uploadedBy who uploads, kept in the record's {@code uploaded_by} (the server sets the API key's id; never a
 *     secret), or {@code null}
 */
public record TextUpload(String originalName, String language, ObjectNode metadata, String idempotencyKey, String uploadedBy) {

    public TextUpload {
        originalName = UploadChecks.originalName(originalName);
        language = LanguageTags.normaliseOrNull("language", language);
        metadata = UploadChecks.metadata(metadata);
        idempotencyKey = UploadChecks.idempotencyKey(idempotencyKey);
        uploadedBy = Fields.uploader(uploadedBy);
    }

    /** An upload naming no uploader. */
    public TextUpload(String originalName, String language, ObjectNode metadata, String idempotencyKey) {
        this(originalName, language, metadata, idempotencyKey, null);
    }

    public static TextUpload named(String originalName) {
        return new TextUpload(originalName, null, null, null, null);
    }

    public TextUpload withLanguage(String value) {
        return new TextUpload(originalName, value, metadata, idempotencyKey, uploadedBy);
    }

    public TextUpload withMetadata(ObjectNode value) {
        return new TextUpload(originalName, language, value, idempotencyKey, uploadedBy);
    }

    public TextUpload withIdempotencyKey(String value) {
        return new TextUpload(originalName, language, metadata, value, uploadedBy);
    }

    /** The same upload, recorded as uploaded by {@code value}. */
    public TextUpload withUploadedBy(String value) {
        return new TextUpload(originalName, language, metadata, idempotencyKey, value);
    }
}
