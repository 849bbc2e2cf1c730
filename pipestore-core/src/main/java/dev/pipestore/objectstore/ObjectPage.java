package dev.pipestore.objectstore;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param objects entries in lexicographic key order
 * @param nextContinuation pass to the next {@link ObjectStore#list} call, or {@code null} when this is the last page
 */
public record ObjectPage(List<ObjectSummary> objects, String nextContinuation) {

    public ObjectPage {
        objects = List.copyOf(objects);
    }

    public boolean hasMore() {
        return nextContinuation != null;
    }
}
