package dev.pipestore.objectstore.internal;

import dev.pipestore.InvalidInputException;
import dev.pipestore.objectstore.PutOptions;

/** Checks on port arguments that every adapter makes the same way, so both refuse the same requests with the same words. */
public final class RequestChecks {

    /** The most keys one {@code list} call returns, as in S3. */
    public static final int MAX_KEYS_LIMIT = 1000;

    /**
     * User metadata key under which adapters keep the SHA-256 they computed. Callers may not set it: a value they chose
     * would be mistaken for one the store verified.
     */
    public static final String SHA256_METADATA_KEY = "pipestore-sha256";

    private RequestChecks() {}

    public static int requireMaxKeys(int maxKeys) {
        if (maxKeys < 1 || maxKeys > MAX_KEYS_LIMIT) {
            throw new InvalidInputException("maxKeys", "must be 1 to " + MAX_KEYS_LIMIT + ", got " + maxKeys);
        }
        return maxKeys;
    }

    public static PutOptions requireAllowedMetadata(PutOptions options) {
        if (options.userMetadata().containsKey(SHA256_METADATA_KEY)) {
            throw new InvalidInputException("userMetadata", "'" + SHA256_METADATA_KEY + "' is reserved for the store's own checksum");
        }
        return options;
    }

    /** A caller's SHA-256 for a checked upload: 64 lower-case hex digits, as {@link dev.pipestore.objectstore.StoredObject} has. */
    public static String requireSha256(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new InvalidInputException("sha256", "must be 64 lower-case hex digits, got " + sha256);
        }
        return sha256;
    }

    /** The length of an in-memory upload: within the array, and what {@link PutOptions#expectedLength()} says if set. */
    public static int requireLength(String key, byte[] content, int length, PutOptions options) {
        if (length < 0 || length > content.length) {
            throw new InvalidInputException("length", "key " + dev.pipestore.objectstore.ObjectKeys.printable(key) + ": "
                    + length + " bytes asked of an array of " + content.length);
        }
        if (options.expectedLength() != -1 && options.expectedLength() != length) {
            throw new InvalidInputException("content", "key " + dev.pipestore.objectstore.ObjectKeys.printable(key)
                    + ": content has " + length + " bytes, " + options.expectedLength() + " expected");
        }
        return length;
    }
}
