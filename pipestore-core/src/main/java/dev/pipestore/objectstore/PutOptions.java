package dev.pipestore.objectstore;

import dev.pipestore.InvalidInputException;
import java.util.Map;
import java.util.Objects;

/**
 * How to store an object.
 *
 * @param contentType MIME type recorded with the object
 * @param expectedLength the exact number of bytes the content will have, or {@code -1} when unknown
 * @param userMetadata small string pairs kept with the object (S3 user metadata)
 */
public record PutOptions(String contentType, long expectedLength, Map<String, String> userMetadata) {

    /** The most user metadata S3 accepts in one request, in bytes of keys plus values. */
    public static final int MAX_USER_METADATA_BYTES = 2048;

    public PutOptions {
        Objects.requireNonNull(contentType, "contentType");
        if (expectedLength < -1) {
            throw new InvalidInputException("expectedLength", "must be -1 (unknown) or at least 0, got " + expectedLength);
        }
        userMetadata = Map.copyOf(userMetadata);
        int size = 0;
        for (var entry : userMetadata.entrySet()) {
            if (!entry.getKey().matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new InvalidInputException("userMetadata", "key must be lower-case letters, digits and '-': " + entry.getKey());
            }
            size += entry.getKey().length() + entry.getValue().length();
        }
        if (size > MAX_USER_METADATA_BYTES) {
            throw new InvalidInputException("userMetadata", "over " + MAX_USER_METADATA_BYTES + " bytes");
        }
    }

    /** Binary content of unknown length with no user metadata. */
    public static PutOptions of(String contentType) {
        return new PutOptions(contentType, -1, Map.of());
    }

    public PutOptions withExpectedLength(long length) {
        return new PutOptions(contentType, length, userMetadata);
    }

    public PutOptions withUserMetadata(Map<String, String> metadata) {
        return new PutOptions(contentType, expectedLength, metadata);
    }
}
