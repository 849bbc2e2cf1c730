package dev.pipestore.objectstore;

import dev.pipestore.InvalidInputException;

/**
 * An inclusive byte range as in HTTP {@code Range: bytes=first-last}.
 *
 * @param first offset of the first byte, at least 0
 * @param last offset of the last byte, inclusive, or {@code -1} for "to the end"
 */
public record ByteRange(long first, long last) {

    /** The whole object. */
    public static final ByteRange ALL = new ByteRange(0, -1);

    public ByteRange {
        if (first < 0) {
            throw new InvalidInputException("range", "first byte must be at least 0, got " + first);
        }
        if (last != -1 && last < first) {
            throw new InvalidInputException("range", "last byte " + last + " is before first byte " + first);
        }
    }

    public static ByteRange from(long first) {
        return new ByteRange(first, -1);
    }

    public static ByteRange of(long first, long last) {
        return new ByteRange(first, last);
    }

    public boolean isAll() {
        return first == 0 && last == -1;
    }

    /** Length of this range within an object of {@code objectSize} bytes. */
    public long lengthWithin(long objectSize) {
        long end = last == -1 ? objectSize - 1 : Math.min(last, objectSize - 1);
        return Math.max(0, end - first + 1);
    }

    /** The value of an HTTP/S3 {@code Range} header for this range. */
    public String toHttpHeader() {
        return "bytes=" + first + "-" + (last == -1 ? "" : Long.toString(last));
    }
}
