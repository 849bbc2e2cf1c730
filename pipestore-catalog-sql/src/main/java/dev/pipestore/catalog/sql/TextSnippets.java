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
     * The stretch of {@code text} around the first whole-word occurrence of one of {@code words}, compared as MariaDB's
     * default collations compare (case and accents aside: {@code garten} finds {@code Gärten}), or the text's beginning
     * when none occurs; HTML-escaped, every occurrence inside {@code <b>…</b>}, with an ellipsis where text was cut off.
     */
    static String around(String text, List<String> words) {
        if (words.isEmpty()) {
            return Highlight.escape(cut(text, 0, Math.min(text.length(), LENGTH)));
        }
        FoldedText folded = FoldedText.of(text);
        // Lookarounds rather than \b: \b knows only ASCII word characters unless told otherwise, and words here are Unicode.
        String alternatives = words.stream().map(FoldedText::fold).filter(w -> !w.isEmpty()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
        if (alternatives.isEmpty()) {
            return around(text, List.of());
        }
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}\\p{M}])(?:" + alternatives + ")(?![\\p{L}\\p{N}\\p{M}])");
        Matcher matches = pattern.matcher(folded.folded());
        int start = 0;
        if (matches.find()) {
            int first = folded.originalStart(matches.start());
            start = wordStartAtOrBefore(text, Math.max(0, first - BEFORE), first);
        }
        int end = wordEndAtOrAfter(text, Math.min(text.length(), start + LENGTH));
        StringBuilder html = new StringBuilder(start > 0 ? "…" : "");
        int last = start;
        for (matches.reset(); matches.find(); ) {
            int matchStart = folded.originalStart(matches.start());
            int matchEnd = folded.originalEnd(matches.end());
            if (matchStart < start) {
                continue;
            }
            if (matchEnd > end) {
                break;
            }
            html.append(Highlight.escape(text.substring(last, matchStart))).append("<b>")
                    .append(Highlight.escape(text.substring(matchStart, matchEnd))).append("</b>");
            last = matchEnd;
        }
        html.append(Highlight.escape(text.substring(last, end))).append(end < text.length() ? "…" : "");
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
