package dev.pipestore.catalog;

import java.time.Instant;

/**
 * Filters for listing text documents; a {@code null} field does not filter.
 *
 * @param createdFrom only documents created at or after this instant
 * @param createdBefore only documents created before this instant
 * @param language only documents with this language tag
 */
public record TextDocumentQuery(Instant createdFrom, Instant createdBefore, String language) {

    public TextDocumentQuery {
        language = LanguageTags.normaliseOrNull("language", language);
    }

    public static TextDocumentQuery all() {
        return new TextDocumentQuery(null, null, null);
    }
}
