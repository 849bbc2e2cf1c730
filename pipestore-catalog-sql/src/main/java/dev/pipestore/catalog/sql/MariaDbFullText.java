package dev.pipestore.catalog.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB/MySQL InnoDB FULLTEXT indexes, queried with {@code MATCH ... AGAINST} in natural language mode: any of the
 * wanted words matches, rows with more and rarer matches rank higher. There is no stemming; words shorter than
 * {@code innodb_ft_min_token_size} (3) and InnoDB's stopwords are not indexed. The user's text reaches the server as
 * bare words only, so no operator or quote can change the query. MariaDB has no snippet function: the snippet is cut
 * in Java around the first wanted word.
 */
final class MariaDbFullText extends FullText {

    static final MariaDbFullText INSTANCE = new MariaDbFullText();

    /** Only the start of a long text travels back for the snippet; a match further in yields the text's beginning. */
    static final int SNIPPET_SOURCE_CHARS = 65_536;

    private MariaDbFullText() {}

    @Override
    void select(SqlStatement sql, SearchTable table, Request request, SqlStatement filters, int limit) {
        // InnoDB keeps a_b as one word (and splits a-b); the terms as typed with underscores find those.
        List<String> wanted = new ArrayList<>(request.terms().wantedWords());
        wanted.addAll(request.terms().wantedUnderscored());
        String words = String.join(" ", wanted);
        String match = "MATCH(t.content) AGAINST (? IN NATURAL LANGUAGE MODE)";
        sql.append("SELECT " + table.hitColumns() + ", " + match + " AS score, SUBSTRING(t.content, 1, "
                        + SNIPPET_SOURCE_CHARS + ") AS snippet FROM " + table.from() + " WHERE " + match, words, words)
                .append(filters)
                .append(orderAndLimit("t.", limit));
    }

    @Override
    String snippetHtml(String stored, Request request) {
        return TextSnippets.around(stored, request.terms().wantedWords());
    }
}
