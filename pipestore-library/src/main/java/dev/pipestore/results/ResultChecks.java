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

    /** {@code metadata} itself once its size is checked: the record it goes into keeps its own copy. */
    static ObjectNode metadata(ObjectNode metadata) {
        return Metadata.requireWithinLimit("metadata", metadata);
    }
}
