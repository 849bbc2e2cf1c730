package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The cursor of a search page: how many of the best hits come before it. Ranks have no stable key a keyset could
 * follow, and a search reaches only {@value SearchQuery#MAX_DEPTH} deep, so counting is exact enough: hits added
 * between two pages may shift the ranking, as in any search engine. Clients see it only as an opaque string.
 */
final class SearchCursor {

    private static final String PREFIX = "search:";

    private SearchCursor() {}

    static String of(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int offset(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a search cursor");
            }
            return Integer.parseInt(raw.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "not a cursor a search gave: " + cursor, e);
        }
    }
}
