package dev.pipestore.catalog.sql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Cuts a short HTML snippet around the first of some words in a text, for databases that cannot. */
final class TextSnippets {

    /** Characters kept before the first match, and in all. */
    static final int BEFORE = 80;
    static final int LENGTH = 240;

    private TextSnippets() {}

    /**
     * The stretch of {@code text} around the first whole-word, case-insensitive occurrence of one of {@code words}
     * (the text's beginning when none occurs), HTML-escaped, every occurrence inside {@code <b>…</b>}, with an ellipsis
     * where text was cut off.
     */
    static String around(String text, List<String> words) {
        if (words.isEmpty()) {
            return Highlight.escape(cut(text, 0, Math.min(text.length(), LENGTH)));
        }
        // Lookarounds rather than \b: \b knows only ASCII word characters unless told otherwise, and words here are Unicode.
        String alternatives = words.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}\\p{M}])(?:" + alternatives + ")(?![\\p{L}\\p{N}\\p{M}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Matcher first = pattern.matcher(text);
        int start = first.find() ? wordStartAtOrBefore(text, Math.max(0, first.start() - BEFORE), first.start()) : 0;
        int end = wordEndAtOrAfter(text, Math.min(text.length(), start + LENGTH));
        String window = text.substring(start, end);
        StringBuilder html = new StringBuilder(start > 0 ? "…" : "");
        Matcher matches = pattern.matcher(window);
        int last = 0;
        while (matches.find()) {
            html.append(Highlight.escape(window.substring(last, matches.start()))).append("<b>")
                    .append(Highlight.escape(matches.group())).append("</b>");
            last = matches.end();
        }
        html.append(Highlight.escape(window.substring(last))).append(end < text.length() ? "…" : "");
        return html.toString();
    }

    private static String cut(String text, int start, int end) {
        return text.substring(start, wordEndAtOrAfter(text, end)) + (end < text.length() ? "…" : "");
    }

    /** Moves {@code from} forward to the start of a word, never past {@code limit}, so a snippet opens on a whole word. */
    private static int wordStartAtOrBefore(String text, int from, int limit) {
        if (from == 0) {
            return 0;
        }
        int space = text.indexOf(' ', from);
        if (space >= 0 && space < limit) {
            return space + 1;
        }
        return Character.isLowSurrogate(text.charAt(from)) ? from + 1 : from;
    }

    /** Moves {@code to} forward to the end of the word it falls in, at most 30 characters, and off a surrogate pair. */
    private static int wordEndAtOrAfter(String text, int to) {
        int end = to;
        while (end < text.length() && end < to + 30 && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end++;
        }
        return end;
    }
}
