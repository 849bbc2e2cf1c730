package dev.pipestore.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.LanguageTags;

/**
 * What a caller says about a raw text upload besides its bytes (which must be UTF-8).
 *
 * @param originalName the file name as the caller knows it
 * @param language BCP 47 tag, or {@code null}
 * @param metadata a JSON object, or {@code null}
 * @param idempotencyKey a retry of the same key returns the first record; or {@code null}
 */
public record TextUpload(String originalName, String language, ObjectNode metadata, String idempotencyKey) {

    public TextUpload {
        originalName = UploadChecks.originalName(originalName);
        language = LanguageTags.normaliseOrNull("language", language);
        metadata = UploadChecks.metadata(metadata);
        idempotencyKey = UploadChecks.idempotencyKey(idempotencyKey);
    }

    public static TextUpload named(String originalName) {
        return new TextUpload(originalName, null, null, null);
    }

    public TextUpload withLanguage(String value) {
        return new TextUpload(originalName, value, metadata, idempotencyKey);
    }

    public TextUpload withMetadata(ObjectNode value) {
        return new TextUpload(originalName, language, value, idempotencyKey);
    }

    public TextUpload withIdempotencyKey(String value) {
        return new TextUpload(originalName, language, metadata, value);
    }
}
