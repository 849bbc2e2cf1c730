package dev.pipestore.catalog.sql;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Marks that the database puts around matched words, and their turning into safe HTML. The database cannot escape
 * HTML itself, so it marks matches with strings no text will contain (random per search, and free of characters
 * HTML escaping touches); the whole snippet is escaped afterwards and only then do the marks become tags.
 */
record Highlight(String open, String close) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static Highlight random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        return new Highlight("[[ps" + token + "]]", "[[/ps" + token + "]]");
    }

    /** The marked text as HTML: everything escaped, marked stretches inside {@code <b>…</b>}. */
    String toHtml(String marked) {
        return escape(marked).replace(open, "<b>").replace(close, "</b>");
    }

    static String escape(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
