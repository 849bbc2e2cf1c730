package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;

/**
 * Which page of a list to return: at most {@code limit} items after {@code cursor}.
 *
 * @param limit 1 to {@value #MAX_LIMIT}
 * @param cursor {@code null} for the first page, then {@link Page#nextCursor()}
 */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (cursor != null) {
            Cursor.decode(cursor);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    public static PageRequest firstPage() {
        return first(DEFAULT_LIMIT);
    }

    /** The decoded cursor, or {@code null} on the first page. */
    public Cursor after() {
        return cursor == null ? null : Cursor.decode(cursor);
    }
}
