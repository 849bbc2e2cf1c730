package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.Search;
import dev.pipestore.catalog.SearchHit;
import dev.pipestore.catalog.SearchQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Full-text search over transcriptions and translations on any dialect: the dialect's {@link FullText} finds, ranks
 * and highlights; this class applies the filters, asks each table for its best hits and merges them.
 */
final class SqlSearch implements Search {

    private static final Comparator<SearchHit> BEST_FIRST = Comparator.comparingDouble(SearchHit::score).reversed()
            .thenComparing(SearchHit::createdAt, Comparator.reverseOrder())
            .thenComparing(hit -> hit.id().toString(), Comparator.reverseOrder());

    private final Database database;
    private final FullText fullText;

    SqlSearch(Database database) {
        this.database = database;
        this.fullText = database.dialect().fullText();
    }

    @Override
    public Page<SearchHit> page(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        SearchTerms terms = SearchTerms.parse(query.text());
        if (terms.isEmpty()) {
            // Only punctuation, symbols or exclusions: nothing to look for, on every backend alike.
            return new Page<>(List.of(), null);
        }
        FullText.Request request = new FullText.Request(query, terms, Highlight.random());
        // Each table gives its best hits down to the page's end and one more, so the page and whether another
        // follows are among them.
        int depth = query.end() + 1;
        List<SearchHit> hits = new ArrayList<>();
        for (SearchTable table : SearchTable.values()) {
            SqlStatement sql = new SqlStatement();
            fullText.select(sql, table, request, filters(table, query), depth);
            hits.addAll(database.run("search " + table.table, c -> database.query(c, sql.sql(), sql::bind,
                    row -> hit(table, row, request))));
        }
        hits.sort(BEST_FIRST);
        List<SearchHit> page = hits.subList(Math.min(hits.size(), query.offset()), Math.min(hits.size(), query.end()));
        return new Page<>(page, hits.size() > query.end() ? query.nextCursor() : null);
    }

    private static SqlStatement filters(SearchTable table, SearchQuery query) {
        SqlStatement filters = new SqlStatement();
        if (query.language() != null) {
            // "en" means English of any region; a regional tag ("en-GB") means that region only.
            String column = "t." + table.languageColumn;
            filters.append(" AND (" + column + " = ? OR " + column + " LIKE ?)", query.language(), query.language() + "-%");
        }
        if (query.modelVersion() != null) {
            filters.append(" AND t.model_version = ?", query.modelVersion());
        }
        if (query.createdFrom() != null) {
            filters.append(" AND t.created_at >= ?", KeysetQuery.bound(query.createdFrom()));
        }
        if (query.createdBefore() != null) {
            filters.append(" AND t.created_at < ?", KeysetQuery.bound(query.createdBefore()));
        }
        return filters;
    }

    private SearchHit hit(SearchTable table, Row row, FullText.Request request) throws java.sql.SQLException {
        boolean translation = table.kind == SearchHit.Kind.TRANSLATION;
        // FTS5 and the cut for MariaDB keep a short text's outer whitespace (a final newline); ts_headline drops it.
        String snippet = row.text("snippet") == null ? "" : row.text("snippet").strip();
        return new SearchHit(table.kind, row.uuid("id"), row.uuid("audio_file_id"),
                translation ? row.uuid("transcription_id") : null, row.text("language"), row.text("model_version"),
                row.instant("created_at"), row.real("score"), fullText.snippetHtml(snippet, request));
    }
}
