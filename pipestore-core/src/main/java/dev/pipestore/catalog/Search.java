package dev.pipestore.catalog;

import java.util.List;

/**
 * Full-text search over transcriptions and translations, ranked, with highlighted snippets. What each backend
 * understands (stemming, phrases, exclusions) differs and is documented in {@code docs/SEARCH.md}; what every backend
 * promises is that no query text, however odd, makes the search fail.
 */
public interface Search {

    /**
     * The best matches, best first (highest {@link SearchHit#score()}), newest first among equal scores.
     *
     * @return at most {@code query.limit()} hits; none when the text holds no searchable word
     */
    List<SearchHit> search(SearchQuery query);
}
