package dev.pipestore.search;

import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.SearchHit;
import dev.pipestore.catalog.SearchQuery;
import java.util.List;
import java.util.Objects;

/**
 * Full-text search over transcriptions and translations, ranked, with HTML-safe highlighted snippets. What each
 * catalog backend understands (stemming, phrases, exclusions) is described in {@code docs/SEARCH.md}.
 *
 * <p>Not cached: results depend on every write, and the catalog's full-text index answers quickly.
 */
public final class SearchService {

    private final Catalog catalog;

    public SearchService(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * The best hits for {@code query}, best first.
     *
     * @throws dev.pipestore.InvalidInputException never from here: {@link SearchQuery} refuses bad input when built
     */
    public List<SearchHit> search(SearchQuery query) {
        return catalog.search().search(Objects.requireNonNull(query, "query"));
    }

    /**
     * One page of the best hits, best first: follow {@link Page#nextCursor()} with {@link SearchQuery#after(String)}
     * for the next, down to the best {@value SearchQuery#MAX_DEPTH}. Hits stored between two pages may shift the
     * ranking, as in any search engine.
     */
    public Page<SearchHit> page(SearchQuery query) {
        return catalog.search().page(Objects.requireNonNull(query, "query"));
    }

    /**
     * Searches everything for {@code text}, {@value SearchQuery#DEFAULT_LIMIT} hits at most.
     *
     * @throws dev.pipestore.InvalidInputException naming {@code q} when the text is empty or too long
     */
    public List<SearchHit> search(String text) {
        return search(SearchQuery.of(text));
    }
}
