package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;

/** Checks shared by the catalog records, each naming the seed column at fault. */
public final class Fields {

    /** Longest idempotency key, in characters. */
    public static final int MAX_IDEMPOTENCY_KEY = 200;
    /** Room for an API key's id or name. */
    static final int MAX_UPLOADER = 100;

    private Fields() {}

    static void requireMaxLength(String column, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(column, "longer than " + max + " characters");
        }
    }

    /**
     * An uploader as stored: {@code null} for nobody; blank, overlong or control characters refused.
     *
     * @throws InvalidInputException naming {@code uploaded_by}
     */
    public static String uploader(String value) {
        return uploader("uploaded_by", value);
    }

    /** {@link #uploader(String)} for a value that came in as {@code field}, such as a command-line option. */
    public static String uploader(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank; leave it out when nobody is named");
        }
        requireMaxLength(field, value, MAX_UPLOADER);
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "contains control characters");
        }
        return value;
    }

    /**
     * An idempotency key as given by a caller: {@code null} for none, otherwise 1 to {@value #MAX_IDEMPOTENCY_KEY}
     * printable ASCII characters without spaces, so it travels unchanged in an HTTP header.
     *
     * @throws InvalidInputException naming {@code field}
     */
    public static String idempotencyKey(String field, String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new InvalidInputException(field, "must be 1 to " + MAX_IDEMPOTENCY_KEY
                    + " printable ASCII characters without spaces");
        }
        return key;
    }

    static void requireConfidence(String column, Double value) {
        if (value != null && !(value >= 0.0 && value <= 1.0)) {
            throw new InvalidInputException(column, "must be between 0 and 1, got " + value);
        }
    }
}
