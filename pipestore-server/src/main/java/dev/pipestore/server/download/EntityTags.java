package dev.pipestore.server.download;

/**
 * Entity tags of stored content: the quoted SHA-256 of the bytes, so a tag never changes while the bytes do not and
 * means the same on every server instance.
 */
public final class EntityTags {

    private EntityTags() {}

    public static String of(String sha256) {
        return "\"" + sha256 + "\"";
    }

    /**
     * Whether an {@code If-None-Match} value names {@code tag}: {@code *}, or any listed tag by weak comparison (a
     * {@code W/} prefix is ignored), as RFC 9110 section 13.1.2 asks.
     */
    public static boolean noneMatchHits(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || stripWeak(value).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an {@code If-Range} value still names {@code tag}: strong comparison, so a weak tag never matches. */
    public static boolean ifRangeHolds(String ifRange, String tag) {
        return ifRange == null || ifRange.strip().equals(tag);
    }

    private static String stripWeak(String value) {
        return value.startsWith("W/") ? value.substring(2) : value;
    }
}
