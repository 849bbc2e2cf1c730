package dev.pipestore.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/**
 * JSON compared as values: a catalog may give back {@code 1.50} as {@code 1.5}, or a double as a decimal. (MySQL, not
 * MariaDB, rounds decimals to doubles; a retry holding more digits than a double keeps is then answered 409.)
 */
final class JsonValues {

    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonValues() {}

    /** Whether {@code a} and {@code b} hold the same value: object members in any order, numbers equal as decimals. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        return a == null ? b == null : b != null && a.equals(BY_VALUE, b);
    }
}
