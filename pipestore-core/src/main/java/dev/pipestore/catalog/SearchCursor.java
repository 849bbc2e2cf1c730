package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The cursor of a search page: how many of the best hits come before it. Ranks have no stable key a keyset could
 * follow, and a search reaches only {@value SearchQuery#MAX_DEPTH} deep, so counting is exact enough: hits added
 * between two pages may shift the ranking, as in any search engine. Clients see it only as an opaque string.
 */
final class SearchCursor {

    private static final String PREFIX = "search:";

    private SearchCursor() {}

    /** @param search what {@link #of} and {@link #offset} check the cursor belongs to: its words and filters */
    static String of(int offset, String search) {
        String raw = PREFIX + offset + ":" + fingerprint(search);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The offset {@code cursor} names, refused when it was given by another search: its offset into another ranking
     * would skip or repeat hits unnoticed. (Cursors from before the fingerprint carry none and are taken as they are.)
     */
    static int offset(String cursor, String search) {
        String raw;
        int offset;
        String fingerprint;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException("not a search cursor");
            }
            String[] parts = raw.substring(PREFIX.length()).split(":", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException("too many parts");
            }
            offset = Integer.parseInt(parts[0]);
            fingerprint = parts.length == 2 ? parts[1] : null;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "not a cursor a search gave: " + cursor, e);
        }
        if (fingerprint != null && !fingerprint.equals(fingerprint(search))) {
            throw new InvalidInputException("cursor", "a cursor of another search: send the words, language and model of"
                    + " the search that gave it");
        }
        return offset;
    }

    private static String fingerprint(String search) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(search.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
