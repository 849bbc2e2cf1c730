package dev.pipestore.server.download;

import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.server.problem.HttpProblem;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a {@code Range} header for one byte range: {@code bytes=first-last}, {@code bytes=first-} or the suffix form
 * {@code bytes=-length}. Several ranges, malformed byte ranges and ranges outside the object are refused with 416, naming
 * what was asked; a client that wants the whole object sends no {@code Range}. A range in another unit is ignored, as
 * RFC 9110 (section 14.2) requires, and the whole object is sent.
 */
public final class RangeHeader {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)", Pattern.CASE_INSENSITIVE);
    /** A range unit is a token followed by {@code =}; the unit is case-insensitive. */
    private static final Pattern BYTES_UNIT = Pattern.compile("(?i)bytes\\s*=.*");

    private RangeHeader() {}

    /**
     * The range asked for within an object of {@code size} bytes, clipped to its end; empty without a header or when it
     * is in a unit other than bytes.
     *
     * @throws HttpProblem 416 when the header is malformed, asks for several ranges, or starts past the end
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (!BYTES_UNIT.matcher(value).matches()) {
            return Optional.empty();
        }
        if (value.contains(",")) {
            throw HttpProblem.rangeNotSatisfiable(size, "'" + value + "' asks for several ranges; ask for one at a time");
        }
        Matcher m = SINGLE.matcher(value);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw HttpProblem.rangeNotSatisfiable(size, "'" + value + "' is not bytes=first-last, bytes=first- or bytes=-length");
        }
        if (m.group(1).isEmpty()) {
            long suffix = saturated(m.group(2));
            if (suffix == 0) {
                throw HttpProblem.rangeNotSatisfiable(size, "'" + value + "' asks for no bytes");
            }
            return Optional.of(ByteRange.of(Math.max(0, size - suffix), size - 1));
        }
        long first = saturated(m.group(1));
        if (first >= size) {
            throw HttpProblem.rangeNotSatisfiable(size, "'" + value + "' starts at or past the end of the " + size + " bytes");
        }
        if (m.group(2).isEmpty()) {
            return Optional.of(ByteRange.of(first, size - 1));
        }
        long last = saturated(m.group(2));
        if (last < first) {
            throw HttpProblem.rangeNotSatisfiable(size, "'" + value + "' ends before it starts");
        }
        return Optional.of(ByteRange.of(first, Math.min(last, size - 1)));
    }

    /**
     * The position or length, or {@link Long#MAX_VALUE} when it has more digits than a long holds: RFC 9110 lets a
     * range reach past the end (a suffix longer than the object is the whole object), and any such number does.
     */
    private static long saturated(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
