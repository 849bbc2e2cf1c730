package dev.pipestore.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/**
 * JSON compared as values: a catalog may give back {@code 1.50} as {@code 1.5}, a double as a decimal, or (MySQL) a
 * long decimal rounded to a double.
 */
final class JsonValues {

    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            // MySQL keeps JSON numbers as doubles: a value it rounded is still the value that was sent.
            return a.decimalValue().compareTo(b.decimalValue()) == 0 || a.doubleValue() == b.doubleValue() ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonValues() {}

    /**
     * Whether {@code a} and {@code b} hold the same value: object members in any order, numbers equal as decimals or as
     * the doubles nearest them.
     */
    static boolean sameValue(JsonNode a, JsonNode b) {
        return a == null ? b == null : b != null && a.equals(BY_VALUE, b);
    }
}
