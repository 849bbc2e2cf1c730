package dev.pipestore.catalog;

import java.time.Instant;

/**
 * Filters for listing text documents; a {@code null} field does not filter.
 *
 * @param createdFrom only documents created at or after this instant
 * @param createdBefore only documents created before this instant
 * @param language only documents with this language tag
 * @param uploadedBy only documents this uploader uploaded
 */
public record TextDocumentQuery(Instant createdFrom, Instant createdBefore, String language, String uploadedBy) {

    public TextDocumentQuery {
        language = LanguageTags.normaliseOrNull("language", language);
        uploadedBy = Fields.uploader(uploadedBy);
    }

    /** Filters without an uploader. */
    public TextDocumentQuery(Instant createdFrom, Instant createdBefore, String language) {
        this(createdFrom, createdBefore, language, null);
    }

    public static TextDocumentQuery all() {
        return new TextDocumentQuery(null, null, null, null);
    }

    public TextDocumentQuery withUploadedBy(String value) {
        return new TextDocumentQuery(createdFrom, createdBefore, language, value);
    }
}
