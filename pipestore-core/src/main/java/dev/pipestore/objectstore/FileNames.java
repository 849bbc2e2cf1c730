package dev.pipestore.objectstore;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns a caller-supplied file name into a safe single key segment.
 *
 * <p>The result keeps only letters, digits, {@code .}, {@code -} and {@code _}; never starts with a dot; is NFKC
 * normalised (so look-alikes such as the full-width solidus cannot smuggle a separator past us); keeps only the last
 * path component; and is at most {@value #MAX_NAME_BYTES} UTF-8 bytes, keeping a short extension when it truncates.
 */
public final class FileNames {

    /** Longest sanitised name, in UTF-8 bytes, so that a full key stays within the seed's {@code VARCHAR(255)}. */
    public static final int MAX_NAME_BYTES = 120;

    /** Used when nothing of the original name survives. */
    public static final String FALLBACK = "unnamed";

    private static final int MAX_EXTENSION_CHARS = 10;

    private FileNames() {}

    /** The sanitised form of {@code originalName}; {@code null} gives {@value #FALLBACK}. */
    public static String sanitise(String originalName) {
        if (originalName == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(originalName, Normalizer.Form.NFKC);
        name = lastPathComponent(name);
        name = replaceUnsafe(name);
        name = stripDotsAndUnderscoresAtEnds(name);
        if (name.isEmpty()) {
            return FALLBACK;
        }
        return truncate(name);
    }

    /** The lower-case extension of a sanitised name without the dot, or {@code ""}. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "";
        }
        return name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String lastPathComponent(String name) {
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(cut + 1);
    }

    private static String replaceUnsafe(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            boolean safe = Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_';
            // NFKC can leave combining marks after a letter; they are part of the letter for people, keep them. A mark
            // after anything else would be dropped by a second pass once what it followed is gone: drop it now.
            boolean mark = Character.getType(cp) == Character.NON_SPACING_MARK && followsLetterDigitOrMark(out);
            if (safe || mark) {
                out.appendCodePoint(cp);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        });
        return out.toString();
    }

    private static boolean followsLetterDigitOrMark(StringBuilder out) {
        if (out.isEmpty()) {
            return false;
        }
        int last = out.codePointBefore(out.length());
        return Character.isLetterOrDigit(last) || Character.getType(last) == Character.NON_SPACING_MARK;
    }

    private static String stripDotsAndUnderscoresAtEnds(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == '.' || name.charAt(start) == '_' || name.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == '_')) {
            end--;
        }
        return name.substring(start, end);
    }

    private static String truncate(String name) {
        if (utf8Length(name) <= MAX_NAME_BYTES) {
            return name;
        }
        // The suffix comes from the name itself, not from extension(): lower-casing can change a string's length.
        int dot = name.lastIndexOf('.');
        boolean keepExtension = dot > 0 && dot < name.length() - 1 && name.length() - dot - 1 <= MAX_EXTENSION_CHARS;
        String suffix = keepExtension ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - suffix.length());
        int budget = MAX_NAME_BYTES - utf8Length(suffix);
        String cut = cutToBytes(stem, budget);
        return stripDotsAndUnderscoresAtEnds(cut) + suffix;
    }

    private static String cutToBytes(String text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int cpBytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + cpBytes > maxBytes) {
                break;
            }
            bytes += cpBytes;
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
