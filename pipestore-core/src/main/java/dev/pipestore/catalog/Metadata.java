package dev.pipestore.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON metadata objects kept with records: parsing, size limit, and the one shared mapper. */
public final class Metadata {

    /** Most digits a number may have before, and after, its decimal point. */
    static final int MAX_DIGITS = 1000;
    /** Deepest nesting of objects and arrays in a stored JSON value, the outermost counting as 1. */
    public static final int MAX_DEPTH = 31;
    /** Largest metadata object accepted, in UTF-8 bytes of its compact JSON form. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Reads and writes JSON everywhere in pipestore; BigDecimal keeps numbers exactly as written. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static {
        // What this mapper reads is bounded before it gets here (metadata 64 KiB, cached values by the cache's own limit,
        // request bodies by the server's); Jackson's 20-million-character cap on one string would only make a value
        // that was accepted on the way in unreadable on the way out.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
    }

    /** A person's or a file's JSON: one value and nothing after it, each key once, or it is refused, never trimmed. */
    private static final ObjectReader USER_INPUT = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '(.*)'");

    private Metadata() {}

    /**
     * Parses JSON text given by a user: exactly one value, no key twice in an object.
     *
     * @throws JsonProcessingException when it is not that, saying why and where
     */
    public static JsonNode readUserInput(String json) throws JsonProcessingException {
        return USER_INPUT.readTree(json);
    }

    /** An empty object. */
    public static ObjectNode empty() {
        return MAPPER.createObjectNode();
    }

    /**
     * Parses {@code json} as a JSON object of at most {@value #MAX_BYTES} bytes in its compact form (spaces and line
     * breaks of the given text do not count).
     *
     * @throws InvalidInputException naming {@code field} when it is not valid JSON, not an object, or too large
     */
    public static ObjectNode parseObject(String field, String json) {
        // The limit is on the compact form; layout may add some, but not without bound, before anything is parsed.
        if (json.length() > 4 * MAX_BYTES) {
            throw new InvalidInputException(field, "larger than " + MAX_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = readUserInput(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, "not valid JSON: " + describe(e), e);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(field, "must be a JSON object");
        }
        return requireWithinLimit(field, (ObjectNode) node);
    }

    /** What is wrong with a user's JSON text, in words and with its place, without the Java types Jackson names. */
    public static String describe(JacksonException e) {
        String original = String.valueOf(e.getOriginalMessage());
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (original.startsWith("Trailing token")) {
            return "more follows the first JSON value" + where + "; give exactly one";
        }
        Matcher duplicate = DUPLICATE_KEY.matcher(original);
        if (duplicate.find()) {
            return "key \"" + duplicate.group(1) + "\" appears twice" + where;
        }
        return inClientTerms(original) + where;
    }

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");
    private static final Pattern SETTING_SOURCE = Pattern.compile(", from `[^`]*`");
    private static final Pattern OUT_OF_RANGE = Pattern.compile(
            "^Numeric value \\((.*)\\) out of range of (?:int|long|short|byte) \\((-?\\d+) - (-?\\d+)\\)");

    /**
     * Jackson's message in the client's terms: without its advice on parser settings, the settings a limit comes
     * from, the placeholder for the redacted input, or the Java type a number did not fit.
     */
    public static String inClientTerms(String message) {
        Matcher range = OUT_OF_RANGE.matcher(message);
        if (range.find()) {
            return range.group(1) + " is out of range: expected a whole number from " + range.group(2) + " to "
                    + range.group(3);
        }
        String words = SOURCE.matcher(withoutParserSettings(message)).replaceAll("line $1, column $2");
        return SETTING_SOURCE.matcher(words).replaceAll("");
    }

    /**
     * Jackson's message without its advice to enable one of its parser settings (NaN, comments, a leading plus): the
     * client cannot act on our settings, and standard JSON is what we accept.
     */
    static String withoutParserSettings(String message) {
        int setting = -1;
        for (String marker : new String[] {"enable `", "Feature '"}) {
            int at = message.indexOf(marker);
            if (at >= 0 && (setting < 0 || at < setting)) {
                setting = at;
            }
        }
        if (setting < 0) {
            return message;
        }
        int cut = Math.max(message.lastIndexOf(": ", setting), message.lastIndexOf(" (", setting));
        return message.substring(0, cut < 0 ? setting : cut).strip();
    }

    /** Compact JSON text of {@code node}. */
    public static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Compact JSON text of {@code node} in UTF-8, written as bytes directly. */
    public static byte[] toUtf8(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Parses JSON read back from a backend, which pipestore itself wrote. */
    public static JsonNode parseStored(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON could not be read", e);
        }
    }

    /**
     * A copy of {@code metadata} (empty when {@code null}) after checking it is at most {@value #MAX_BYTES} bytes and
     * holds no U+0000, which the catalog does not store: so a caller can refuse it before writing anything else.
     *
     * @throws InvalidInputException naming {@code field} when it is larger or holds a NUL
     */
    public static ObjectNode checkedCopy(String field, ObjectNode metadata) {
        if (metadata == null) {
            return empty();
        }
        String json = toJson(metadata);
        requireWithinLimit(field, json);
        requireStorableJson(field, json);
        return metadata.deepCopy();
    }

    /**
     * Refuses compact JSON text holding what no catalog stores as given: U+0000 and half a surrogate pair (see
     * {@link Fields#requireStorableText}), and objects and arrays nested deeper than {@value #MAX_DEPTH} levels, where
     * MariaDB's JSON stops. One pass over the text, cheaper than walking the tree: Jackson writes U+0000 as the escape
     * {@code \u0000} and half a pair as the raw character, both inside strings.
     *
     * @throws InvalidInputException naming {@code field}
     */
    public static void requireStorableJson(String field, String json) {
        if (json == null) {
            return;
        }
        for (int at = json.indexOf("\\u0000"); at >= 0; at = json.indexOf("\\u0000", at + 1)) {
            int backslashes = 0;
            for (int i = at - 1; i >= 0 && json.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                throw new InvalidInputException(field, "contains the NUL character U+0000, which the catalog does not store");
            }
        }
        // Cheap scans first: few brackets cannot nest deep, and most text holds no surrogate at all.
        if (brackets(json) > MAX_DEPTH && depth(json) > MAX_DEPTH) {
            throw new InvalidInputException(field, "nests objects and arrays deeper than " + MAX_DEPTH
                    + " levels, more than every catalog stores (MariaDB's JSON stops there)");
        }
        if (hasSurrogate(json) && Fields.unpairedSurrogate(json) >= 0) {
            throw new InvalidInputException(field, "holds half of a UTF-16 surrogate pair, which is not text; send whole"
                    + " characters");
        }
    }

    /** How many '{' and '[' the text holds, counting no further than one past {@link #MAX_DEPTH}. */
    private static int brackets(String json) {
        int count = 0;
        for (int at = json.indexOf('{'); at >= 0 && count <= MAX_DEPTH; at = json.indexOf('{', at + 1)) {
            count++;
        }
        for (int at = json.indexOf('['); at >= 0 && count <= MAX_DEPTH; at = json.indexOf('[', at + 1)) {
            count++;
        }
        return count;
    }

    /** The deepest nesting of objects and arrays in compact JSON text, brackets inside strings not counted. */
    private static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns {@code metadata} (which may be {@code null}) after checking it is at most {@value #MAX_BYTES} bytes, without
     * copying it: for callers that hand it straight to a record, whose constructor makes its own copy.
     *
     * @throws InvalidInputException naming {@code field} when it is larger
     */
    public static ObjectNode requireWithinLimit(String field, ObjectNode metadata) {
        if (metadata == null) {
            return null;
        }
        requireWithinLimit(field, toJson(metadata));
        return metadata;
    }

    private static void requireWithinLimit(String field, String json) {
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidInputException(field, bytes + " bytes is over the limit of " + MAX_BYTES);
        }
    }

    /** What a record keeps of the metadata it is given: a copy, or the object itself when {@link StoredValues} decodes. */
    static ObjectNode copyOrEmpty(ObjectNode metadata) {
        if (metadata == null) {
            return empty();
        }
        return StoredValues.decoding() ? metadata : (ObjectNode) storedForm("metadata", metadata);
    }

    /**
     * A deep copy whose numbers are the nodes every catalog gives back for them: a number with a fraction as BigDecimal
     * (PostgreSQL keeps its digits, {@code 1.50} stays {@code 1.50}); a whole number, however written ({@code 1E+2},
     * {@code 12345678.0}, a long), as the smallest of int, long and BigInteger, since PostgreSQL rewrites exponents
     * and our writer sends whole decimals without a fraction. A record built from nodes a caller made then equals the
     * same record read back from the catalog or the cache. One walk, as {@code deepCopy}.
     *
     * @throws InvalidInputException naming {@code field} for NaN or an infinity, which JSON cannot hold
     */
    static JsonNode storedForm(String field, JsonNode node) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        return switch (node.getNodeType()) {
            case OBJECT -> {
                ObjectNode copy = nodes.objectNode();
                node.properties().forEach(member -> copy.set(member.getKey(), storedForm(field, member.getValue())));
                yield copy;
            }
            case ARRAY -> {
                ArrayNode copy = nodes.arrayNode(node.size());
                node.forEach(element -> copy.add(storedForm(field, element)));
                yield copy;
            }
            case NUMBER -> storedNumber(field, node, nodes);
            default -> node.deepCopy();
        };
    }

    private static JsonNode storedNumber(String field, JsonNode number, JsonNodeFactory nodes) {
        if (number.isInt()) {
            return number;
        }
        if (number.isIntegralNumber()) {
            return wholeNumber(number.bigIntegerValue(), nodes);
        }
        if (!number.isBigDecimal() && !Double.isFinite(number.doubleValue())) {
            throw new InvalidInputException(field, "holds " + number.asText() + ", which is not a JSON number");
        }
        // A double's shortest decimal text, not its exact binary value: 0.1, not 0.1000000000000000055...
        BigDecimal value = number.isBigDecimal() ? number.decimalValue() : shortestDecimal(number.doubleValue());
        if (value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS) {
            // 1e100000000 is short text but a hundred million digits to write out, and more than any catalog keeps.
            throw new InvalidInputException(field, "holds " + value + ", more than " + MAX_DIGITS
                    + " digits before or after the point");
        }
        if (value.scale() <= 0) {
            return wholeNumber(value.toBigIntegerExact(), nodes);
        }
        return number.isBigDecimal() ? number : nodes.numberNode(value);
    }

    /**
     * What {@code new BigDecimal(Double.toString(value))} gives, without formatting and parsing text for the common
     * case: a value in Double.toString's plain range whose shortest decimal has at most six fraction digits.
     */
    static BigDecimal shortestDecimal(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            double power = 10;
            for (int scale = 1; scale <= 6; scale++, power *= 10) {
                long unscaled = Math.round(value * power);
                // Division by a power of ten is correctly rounded, so this says the decimal reads back as value.
                if (unscaled / power == value) {
                    return BigDecimal.valueOf(unscaled, scale);
                }
            }
        }
        return new BigDecimal(Double.toString(value));
    }

    private static JsonNode wholeNumber(BigInteger value, JsonNodeFactory nodes) {
        if (value.bitLength() < Integer.SIZE) {
            return nodes.numberNode(value.intValue());
        }
        return value.bitLength() < Long.SIZE ? nodes.numberNode(value.longValue()) : nodes.numberNode(value);
    }
}
