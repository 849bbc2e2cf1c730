package dev.pipestore.catalog.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * SQLite FTS5. Each searchable table has an external-content FTS5 index ({@code <table>_search}, migration V3) kept in
 * step by triggers, tokenised by {@code porter unicode61 remove_diacritics 2}: case- and accent-insensitive, with
 * English (Porter) stemming. The user's words are always quoted, so FTS5 sees them as strings, never as operators.
 */
final class SqliteFullText extends FullText {

    static final SqliteFullText INSTANCE = new SqliteFullText();

    /** Tokens around the match in a snippet; FTS5 allows up to 64. */
    private static final int SNIPPET_TOKENS = 24;

    private SqliteFullText() {}

    @Override
    void select(SqlStatement sql, SearchTable table, Request request, SqlStatement filters, int limit) {
        String index = table.table + "_search";
        // bm25() is lower for better matches; negated it ranks like the other backends' scores.
        sql.append("SELECT " + table.hitColumns() + ", -bm25(" + index + ") AS score, snippet(" + index + ", 0, ?, ?, '…', "
                        + SNIPPET_TOKENS + ") AS snippet FROM " + index + " JOIN " + table.table + " t ON t.search_rowid = "
                        + index + ".rowid" + table.joins + " WHERE " + index + " MATCH ?",
                request.marks().open(), request.marks().close(), expression(request.terms()))
                .append(filters)
                .append(orderAndLimit("t.", limit));
    }

    /**
     * The terms as an FTS5 expression: each alternative in parentheses, its wanted words and phrases quoted (quotes
     * inside doubled, though words never contain any) and its excluded ones after {@code NOT}. FTS5 binds NOT tighter
     * than the implicit AND, so {@code "a" "b" NOT "c"} means a and b and not c.
     */
    static String expression(SearchTerms terms) {
        List<String> alternatives = new ArrayList<>();
        for (List<SearchTerms.Item> group : terms.groups()) {
            StringBuilder wanted = new StringBuilder();
            StringBuilder excluded = new StringBuilder();
            for (SearchTerms.Item item : group) {
                String quoted = "\"" + String.join(" ", item.words()).replace("\"", "\"\"") + "\"";
                if (item.excluded()) {
                    excluded.append(" NOT ").append(quoted);
                } else {
                    wanted.append(wanted.isEmpty() ? "" : " ").append(quoted);
                }
            }
            alternatives.add("(" + wanted + excluded + ")");
        }
        return String.join(" OR ", alternatives);
    }

    @Override
    String snippetHtml(String stored, Request request) {
        return request.marks().toHtml(stored);
    }
}
