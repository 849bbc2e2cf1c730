package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;

/** Checks shared by the catalog records, each naming the seed column at fault. */
public final class Fields {

    static final int MAX_IDEMPOTENCY_KEY = 200;
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

    static void requireConfidence(String column, Double value) {
        if (value != null && !(value >= 0.0 && value <= 1.0)) {
            throw new InvalidInputException(column, "must be between 0 and 1, got " + value);
        }
    }
}
