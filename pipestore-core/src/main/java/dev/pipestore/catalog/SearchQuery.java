package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.time.Instant;

/**
 * What to search for: words in web-search style ({@code "a phrase"}, {@code -excluded}, {@code OR}) and filters; a
 * {@code null} filter does not filter. Refusals name the HTTP parameters ({@code q}, {@code language}, {@code model},
 * {@code since}, {@code before}, {@code limit}), the names users write.
 *
 * @param text the user's query; not blank, at most {@value #MAX_TEXT_LENGTH} characters
 * @param language only texts in this language: a tag like {@code en} also matches its regional forms ({@code en-US});
 *     for translations this is the target language
 * @param modelVersion only texts made by this model version
 * @param createdFrom only texts created at or after this instant
 * @param createdBefore only texts created before this instant
 * @param limit 1 to {@value #MAX_LIMIT} hits
 * @param offset how many of the best hits to pass over: the page the query asks for; pages end at hit
 *     {@value #MAX_DEPTH}
 */
public record SearchQuery(String text, String language, String modelVersion, Instant createdFrom, Instant createdBefore,
        int limit, int offset) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** How deep pages reach into the ranking: a search is for the best hits, and each page ranks all it skips. */
    public static final int MAX_DEPTH = 1000;
    /** Long enough for any real query, short enough that parsing and ranking it stays cheap. */
    public static final int MAX_TEXT_LENGTH = 1000;

    public SearchQuery {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("q", "the search text must not be empty");
        }
        if (text.length() > MAX_TEXT_LENGTH && text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("q", "longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException("q", "contains the NUL character U+0000");
        }
        language = LanguageTags.normaliseOrNull("language", language);
        Fields.requireMaxLength("model", modelVersion, 50);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (createdFrom != null && createdBefore != null && !createdFrom.isBefore(createdBefore)) {
            throw new InvalidInputException("before", "must be later than since (" + createdFrom + ")");
        }
        if (offset < 0) {
            throw new InvalidInputException("cursor", "a search starts at its first hit, not before it (offset " + offset + ")");
        }
        if (offset >= MAX_DEPTH) {
            throw new InvalidInputException("cursor", "pages reach the best " + MAX_DEPTH + " hits, not hit " + (offset + 1)
                    + "; narrow the search instead");
        }
    }

    /** The first page: the best {@code limit} hits. */
    public SearchQuery(String text, String language, String modelVersion, Instant createdFrom, Instant createdBefore,
            int limit) {
        this(text, language, modelVersion, createdFrom, createdBefore, limit, 0);
    }

    /**
     * The page a {@link Page#nextCursor()} of this search names; {@code null} is the first page.
     *
     * @throws InvalidInputException naming {@code cursor} when it is not one a search gave
     */
    public SearchQuery after(String cursor) {
        return cursor == null ? withOffset(0) : withOffset(SearchCursor.offset(cursor, identity()));
    }

    /**
     * What a cursor must come from: the words, language and model. Not the times, which may be ages ({@code since=1h})
     * that move between one page and the next; nor the page size.
     */
    private String identity() {
        return text + '\u0000' + language + '\u0000' + modelVersion;
    }

    /** Where this page ends in the ranking: after {@code limit} more hits, or at {@value #MAX_DEPTH}. */
    public int end() {
        return Math.min(offset + limit, MAX_DEPTH);
    }

    /** The cursor of the page after this one, or {@code null} when pages may not reach deeper. */
    public String nextCursor() {
        return end() < MAX_DEPTH ? SearchCursor.of(end(), identity()) : null;
    }

    public SearchQuery withOffset(int value) {
        return new SearchQuery(text, language, modelVersion, createdFrom, createdBefore, limit, value);
    }

    /** Searches everything for {@code text}, {@value #DEFAULT_LIMIT} hits at most. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, DEFAULT_LIMIT);
    }

    public SearchQuery withLanguage(String value) {
        return new SearchQuery(text, value, modelVersion, createdFrom, createdBefore, limit, offset);
    }

    public SearchQuery withModelVersion(String value) {
        return new SearchQuery(text, language, value, createdFrom, createdBefore, limit, offset);
    }

    public SearchQuery createdBetween(Instant from, Instant before) {
        return new SearchQuery(text, language, modelVersion, from, before, limit, offset);
    }

    public SearchQuery withLimit(int value) {
        return new SearchQuery(text, language, modelVersion, createdFrom, createdBefore, value, offset);
    }
}
