package dev.pipestore.catalog;

import java.util.List;

/**
 * Full-text search over transcriptions and translations, ranked, with highlighted snippets. What each backend
 * understands (stemming, phrases, exclusions) differs and is documented in {@code docs/SEARCH.md}; what every backend
 * promises is that no query text, however odd, makes the search fail.
 */
public interface Search {

    /**
     * One page of the best matches, best first (highest {@link SearchHit#score()}), newest first among equal scores:
     * {@code query.limit()} hits at most after passing over the best {@code query.offset()}, and the cursor of the next
     * page while more hits rank within {@link SearchQuery#MAX_DEPTH}.
     *
     * @return no hits when the text holds no searchable word
     */
    Page<SearchHit> page(SearchQuery query);

    /** The hits of {@link #page}. */
    default List<SearchHit> search(SearchQuery query) {
        return page(query).items();
    }
}
