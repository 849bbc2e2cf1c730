package dev.pipestore.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** What every part of the catalog contract needs: the catalog under test, emptied before each test. */
interface UsesCatalog {

    Catalog catalog();

    /** Every item of a paged list, following cursors until the end. */
    static <T> List<List<T>> allPages(Function<PageRequest, Page<T>> list, int pageSize) {
        List<List<T>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = list.apply(new PageRequest(pageSize, cursor));
            pages.add(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && pages.size() < 10_000);
        return pages;
    }

    static <T> List<T> flatten(List<List<T>> pages) {
        return pages.stream().flatMap(List::stream).toList();
    }
}
