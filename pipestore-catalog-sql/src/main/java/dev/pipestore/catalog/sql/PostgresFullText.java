package dev.pipestore.catalog.sql;

/**
 * PostgreSQL full-text search. Each row's {@code search_vector} is built by a trigger with the text-search
 * configuration of the row's language ({@code pipestore_ts_config}, migration V3), so English text is stemmed as
 * English, German as German. The query is read with {@code websearch_to_tsquery}, which accepts any input without a
 * syntax error, in the configuration of each row's language.
 *
 * <p>Reading the query per row would keep the GIN index out of the plan, so rows are first narrowed through the index
 * with the query read in every configuration at once ({@code pipestore_any_tsquery}), a superset of the right
 * answer, and then checked exactly; with a language filter, the one configuration of that language does both.
 */
final class PostgresFullText extends FullText {

    static final PostgresFullText INSTANCE = new PostgresFullText();

    /** A fragment or two of about 10-30 words around the best matches, like a search engine's result page. */
    private static final String HEADLINE_OPTIONS = "MaxWords=30, MinWords=10, ShortWord=2, MaxFragments=2, "
            + "FragmentDelimiter=\" … \"";

    private PostgresFullText() {}

    @Override
    void select(SqlStatement sql, SearchTable table, Request request, SqlStatement filters, int limit) {
        String text = request.query().text();
        String rowQuery = "websearch_to_tsquery(pipestore_ts_config(t." + table.languageColumn + "), ?)";
        String options = "StartSel=\"" + request.marks().open() + "\", StopSel=\"" + request.marks().close() + "\", "
                + HEADLINE_OPTIONS;
        // The headline is the costly part; the outer query makes it only for the rows that made the cut.
        sql.append("SELECT id, audio_file_id, transcription_id, language, model_version, created_at, score,"
                + " ts_headline(pipestore_ts_config(language), content, websearch_to_tsquery(pipestore_ts_config(language), ?),"
                + " ?) AS snippet FROM (SELECT " + table.hitColumns() + ", t.content, ts_rank(t.search_vector, " + rowQuery
                + ")::double precision AS score FROM " + table.from() + " WHERE t.search_vector @@ ", text, options, text);
        if (request.query().language() == null) {
            sql.append("pipestore_any_tsquery(?)", text);
        } else {
            sql.append("websearch_to_tsquery(pipestore_ts_config(?), ?)", request.query().language(), text);
        }
        sql.append(" AND t.search_vector @@ " + rowQuery, text)
                .append(filters)
                .append(orderAndLimit("t.", limit) + ") hits")
                .append(orderAndLimit("", limit));
    }

    @Override
    String snippetHtml(String stored, Request request) {
        return request.marks().toHtml(stored);
    }
}
