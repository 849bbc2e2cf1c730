package dev.pipestore.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.Metadata;
import java.nio.charset.StandardCharsets;

/** Checks on result requests that the catalog records do not make themselves. */
final class ResultChecks {

    /** Longest transcript or translation text accepted, in UTF-8 bytes. */
    static final int MAX_CONTENT_BYTES = 16 * 1024 * 1024;

    private ResultChecks() {}

    static String content(String content) {
        if (content == null) {
            throw new InvalidInputException("content", "is required");
        }
        if (content.length() > MAX_CONTENT_BYTES / 4 && content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            throw new InvalidInputException("content", "over the limit of " + MAX_CONTENT_BYTES + " bytes");
        }
        // The catalog refuses such text too, but could only name the column's type.
        return Fields.requireStorableText("content", content);
    }

    /**
     * A label such as a model version or an analysis type, as written: no control characters, which would split a
     * line of the CLI's output or a log and which no model name has. Checked on the way in only, so rows written
     * before this check stay readable.
     */
    static String label(String field, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "contains control characters");
        }
        return value;
    }

    /** {@code metadata} itself once its size is checked: the record it goes into keeps its own copy. */
    static ObjectNode metadata(ObjectNode metadata) {
        return Metadata.requireWithinLimit("metadata", metadata);
    }
}
