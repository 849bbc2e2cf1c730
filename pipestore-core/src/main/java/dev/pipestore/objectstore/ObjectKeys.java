package dev.pipestore.objectstore;

import dev.pipestore.InvalidInputException;
import java.nio.charset.StandardCharsets;

/** Rules every object key obeys, so a key can never escape its bucket or a file-system root. */
public final class ObjectKeys {

    /** S3's limit on key length, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    private ObjectKeys() {}

    /**
     * Returns {@code key} when it is a safe relative key: not empty, at most {@value #MAX_KEY_BYTES} bytes, no
     * leading {@code /}, no backslash, no control character, no empty, {@code .} or {@code ..} segment.
     *
     * @throws InvalidInputException naming the key and the rule it breaks
     */
    public static String requireValid(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException("key", "must not be empty");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new InvalidInputException("key", "longer than " + MAX_KEY_BYTES + " bytes");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                throw new InvalidInputException("key", "contains a backslash or control character: " + printable(key));
            }
        }
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean trailingSlash = i == segments.length - 1 && segment.isEmpty() && i > 0;
            if (trailingSlash) {
                continue;
            }
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidInputException("key", "has an empty, '.' or '..' segment: " + printable(key));
            }
        }
        return key;
    }

    /** Checks a listing prefix: empty, or a valid key (which may end in {@code /}). */
    public static String requireValidPrefix(String prefix) {
        return prefix == null || prefix.isEmpty() ? "" : requireValid(prefix);
    }

    /**
     * The key with control characters, bidirectional ones included, shown as {@code \\uXXXX}, safe to put in a message
     * or log line.
     */
    public static String printable(String key) {
        StringBuilder out = new StringBuilder(key.length());
        key.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || isBidiControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * The embedding, override and isolate characters (U+202A-U+202E, U+2066-U+2069) that reorder how the text around
     * them is shown: {@code a\u202Evaw.exe} displays as {@code aexe.wav}.
     */
    public static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
