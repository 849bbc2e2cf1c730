package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.SearchQuery;

/**
 * How one database finds, ranks and highlights text. {@link SqlSearch} does the rest the same way everywhere:
 * filters, merging the two tables' hits, mapping rows.
 */
abstract sealed class FullText permits PostgresFullText, MariaDbFullText, SqliteFullText {

    /** One search as the adapters see it: the caller's query, its parsed terms, and this search's highlight marks. */
    record Request(SearchQuery query, SearchTerms terms, Highlight marks) {}

    /**
     * Appends the SELECT of the best {@code limit} hits in {@code table}: the {@link SearchTable#hitColumns()}, then
     * {@code score} (higher is better) and {@code snippet}, ordered by score, newest first among equals.
     *
     * @param filters {@code AND ...} conditions on {@code t}, possibly empty
     */
    abstract void select(SqlStatement sql, SearchTable table, Request request, SqlStatement filters, int limit);

    /** The selected {@code snippet} column as safe HTML. */
    abstract String snippetHtml(String stored, Request request);

    /** The tail every dialect ends its selection with; {@code alias} qualifies the columns a join makes ambiguous. */
    static String orderAndLimit(String alias, int limit) {
        return " ORDER BY score DESC, " + alias + "created_at DESC, " + alias + "id DESC LIMIT " + limit;
    }
}
