package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;

/** Checks shared by the catalog records, each naming the seed column at fault. */
final class Fields {

    static final int MAX_IDEMPOTENCY_KEY = 200;

    private Fields() {}

    static void requireMaxLength(String column, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(column, "longer than " + max + " characters");
        }
    }

    static void requireConfidence(String column, Double value) {
        if (value != null && !(value >= 0.0 && value <= 1.0)) {
            throw new InvalidInputException(column, "must be between 0 and 1, got " + value);
        }
    }
}
