package dev.pipestore.catalog;

import java.util.List;

/**
 * One page of a list, newest first.
 *
 * @param items the records on this page
 * @param nextCursor the cursor of the next page, or {@code null} when this is the last
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
