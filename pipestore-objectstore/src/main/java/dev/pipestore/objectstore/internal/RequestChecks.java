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
}
