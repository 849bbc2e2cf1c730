package dev.pipestore.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.objectstore.ObjectKeys;

/** Checks on upload requests shared by audio and text. */
final class UploadChecks {

    private UploadChecks() {}

    /** Longest original name accepted, in characters. */
    static final int MAX_NAME = 255;

    /**
     * The caller's file name: a name, not a path, with no control characters (bidirectional ones included). It is kept as given in the row
     * (the object key uses a sanitised copy), so refusing here keeps odd bytes out of the catalog and logs.
     */
    static String originalName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "an upload needs the original file name");
        }
        if (name.length() > MAX_NAME && name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new InvalidInputException("name", "longer than " + MAX_NAME + " characters");
        }
        Fields.requireStorableText("name", name);
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "contains a control character: " + ObjectKeys.printable(name));
        }
        if (name.chars().anyMatch(ObjectKeys::isBidiControl)) {
            throw new InvalidInputException("name", "contains a bidirectional control character, which can make a name"
                    + " show another extension than it has: " + ObjectKeys.printable(name));
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("name", "'" + name + "' is a path; give the file name only");
        }
        return name;
    }

    static ObjectNode metadata(ObjectNode metadata) {
        return Metadata.checkedCopy("metadata", metadata);
    }

    static String idempotencyKey(String key) {
        return Fields.idempotencyKey("idempotency_key", key);
    }
}
