package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;

/** Checks shared by the catalog records, each naming the seed column at fault. */
public final class Fields {

    /** Longest idempotency key, in characters. */
    public static final int MAX_IDEMPOTENCY_KEY = 200;
    /** Room for an API key's id or name. */
    static final int MAX_UPLOADER = 100;

    private Fields() {}

    /** Text of at most {@code max} characters that the catalog can store: see {@link #requireStorableText}. */
    static void requireMaxLength(String column, String value, int max) {
        // Databases count characters; an emoji is two UTF-16 units but one character.
        if (value != null && value.length() > max && value.codePointCount(0, value.length()) > max) {
            throw new InvalidInputException(column, "longer than " + max + " characters");
        }
        requireStorableText(column, value);
    }

    /**
     * Refuses text no catalog stores as given: U+0000 (PostgreSQL refuses it) and a UTF-16 surrogate without its
     * partner, which is no character at all (PostgreSQL and SQLite would store '?', so a retry would never match).
     * JSON text may carry both as escapes ({@code \u0000}, {@code \ud800}), so a parsed value can hold them.
     *
     * @return {@code value}
     * @throws InvalidInputException naming {@code field} and the position
     */
    public static String requireStorableText(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, "contains the NUL character U+0000, which the catalog does not store");
        }
        int lone = unpairedSurrogate(value);
        if (lone >= 0) {
            throw new InvalidInputException(field, String.format("holds half of a UTF-16 surrogate pair (\\u%04x) at character"
                    + " %d, which is not text; send the whole character", (int) value.charAt(lone), lone));
        }
        return value;
    }

    /** The index of the first surrogate that is not half of a pair, or -1. */
    static int unpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
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
