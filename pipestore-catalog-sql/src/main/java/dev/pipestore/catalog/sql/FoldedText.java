package dev.pipestore.catalog.sql;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A text as an accent- and case-insensitive collation compares it ({@code Gärten} as {@code garten}, {@code Straße}
 * as {@code strasse}), remembering where each folded character came from, so a match found in the folded text can be
 * marked in the original. MariaDB's full-text matching follows the column's collation; highlighting has to agree.
 */
final class FoldedText {

    private final String original;
    private final String folded;
    /** For each folded character, the index in the original of the code point it came from. */
    private final int[] origin;

    private FoldedText(String original, String folded, int[] origin) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
    }

    static FoldedText of(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        int[] origin = new int[text.length() + 16];
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String fold = fold(codePoint);
            if (folded.length() + fold.length() > origin.length) {
                origin = Arrays.copyOf(origin, origin.length * 2 + fold.length());
            }
            for (int k = 0; k < fold.length(); k++) {
                origin[folded.length()] = i;
                folded.append(fold.charAt(k));
            }
            i += Character.charCount(codePoint);
        }
        return new FoldedText(text, folded.toString(), origin);
    }

    /** {@code text} folded, for a query word compared with folded texts. */
    static String fold(String text) {
        return of(text).folded;
    }

    String folded() {
        return folded;
    }

    /** Where the folded character at {@code index} starts in the original. */
    int originalStart(int index) {
        return index < folded.length() ? origin[index] : original.length();
    }

    /**
     * Where a folded stretch ending at {@code index} (exclusive) ends in the original: after the whole code point the
     * last folded character came from, and after the combining marks that followed it, which folding dropped.
     */
    int originalEnd(int index) {
        if (index == 0) {
            return 0;
        }
        int start = origin[index - 1];
        int end = start + Character.charCount(original.codePointAt(start));
        while (end < original.length() && isMark(original.codePointAt(end))) {
            end += Character.charCount(original.codePointAt(end));
        }
        return end;
    }

    private static String fold(int codePoint) {
        if (codePoint < 0x80) {
            return String.valueOf((char) Character.toLowerCase(codePoint));
        }
        if (codePoint == 'ß' || codePoint == 'ẞ') {
            return "ss";
        }
        String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !isMark(c)).forEach(kept::appendCodePoint);
        return kept.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
