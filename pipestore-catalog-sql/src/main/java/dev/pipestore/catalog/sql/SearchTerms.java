package dev.pipestore.catalog.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A user's query read in web-search style, the way PostgreSQL's {@code websearch_to_tsquery} reads it: words must
 * all occur, {@code "quoted words"} occur as a phrase, {@code -word} must not occur, and {@code OR} between two parts
 * accepts either. A word is a run of letters, digits and combining marks; everything else only separates words, so
 * no character the user types can become query syntax for the database. Words joined by a single hyphen or underscore
 * ({@code t-shirt}, {@code snake_case}) are one term, a phrase of its words: the hyphen there is not an exclusion.
 */
final class SearchTerms {

    /**
     * One word or phrase, wanted or excluded.
     *
     * @param underscored the item's words that were joined by underscores as typed ({@code snake_case}), which some
     *     indexes keep as one word
     */
    record Item(List<String> words, boolean excluded, List<String> underscored) {}

    /** Alternatives; each a list of items that must all hold. Groups without a wanted item are dropped. */
    private final List<List<Item>> groups;

    private SearchTerms(List<List<Item>> groups) {
        this.groups = groups;
    }

    static SearchTerms parse(String text) {
        List<List<Item>> groups = new ArrayList<>();
        List<Item> group = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean excluded = c == '-' && i + 1 < text.length() && (isWordChar(text, i + 1) || text.charAt(i + 1) == '"');
            int start = excluded ? i + 1 : i;
            if (text.charAt(start) == '"') {
                int end = text.indexOf('"', start + 1);
                end = end < 0 ? text.length() : end;
                add(group, text.substring(start + 1, end), excluded);
                i = end + 1;
            } else if (isWordChar(text, start)) {
                int end = tokenEnd(text, start);
                String token = text.substring(start, end);
                if (!excluded && token.equalsIgnoreCase("or") && !group.isEmpty()) {
                    groups.add(group);
                    group = new ArrayList<>();
                } else {
                    add(group, token, excluded);
                }
                i = end;
            } else {
                i++;
            }
        }
        groups.add(group);
        groups.removeIf(g -> g.stream().allMatch(Item::excluded));
        return new SearchTerms(List.copyOf(groups));
    }

    private static void add(List<Item> group, String text, boolean excluded) {
        List<String> words = words(text);
        if (!words.isEmpty()) {
            group.add(new Item(words, excluded, underscored(text)));
        }
    }

    /** The words of {@code text}, in order. */
    static List<String> words(String text) {
        return runs(text, SearchTerms::wordEnd);
    }

    /** The terms of {@code text} whose words are joined by underscores, as typed. */
    private static List<String> underscored(String text) {
        List<String> found = new ArrayList<>();
        for (String token : runs(text, SearchTerms::tokenEnd)) {
            for (String part : token.split("-")) {
                if (part.indexOf('_') > 0) {
                    found.add(part);
                }
            }
        }
        return found;
    }

    /** Each stretch of {@code text} from a word character to where {@code end} says it stops, in order. */
    private static List<String> runs(String text, RunEnd end) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (isWordChar(text, i)) {
                int stop = end.of(text, i);
                runs.add(text.substring(i, stop));
                i = stop;
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return runs;
    }

    /** Where a run of {@code text} that starts at {@code start} ends. */
    private interface RunEnd {
        int of(String text, int start);
    }

    /** The end of the word starting at {@code start}. */
    private static int wordEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isWordChar(text, end)) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }

    /** The end of the term starting at {@code start}: its words, and any more joined to them by a hyphen or underscore. */
    private static int tokenEnd(String text, int start) {
        int end = wordEnd(text, start);
        while (end + 1 < text.length() && (text.charAt(end) == '-' || text.charAt(end) == '_') && isWordChar(text, end + 1)) {
            end = wordEnd(text, end + 1);
        }
        return end;
    }

    private static boolean isWordChar(String text, int index) {
        int codePoint = text.codePointAt(index);
        int type = Character.getType(codePoint);
        return Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Whether anything is left to look for. */
    boolean isEmpty() {
        return groups.isEmpty();
    }

    List<List<Item>> groups() {
        return groups;
    }

    /** Every wanted term written with underscores once, lower-cased, in query order ({@code snake_case}). */
    List<String> wantedUnderscored() {
        return wanted(Item::underscored);
    }

    /** Every wanted word once, lower-cased, in query order: for backends that rank by words, and for highlighting. */
    List<String> wantedWords() {
        return wanted(Item::words);
    }

    private List<String> wanted(Function<Item, List<String>> part) {
        Set<String> found = new LinkedHashSet<>();
        for (List<Item> group : groups) {
            for (Item item : group) {
                if (!item.excluded()) {
                    part.apply(item).forEach(text -> found.add(text.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return List.copyOf(found);
    }
}
