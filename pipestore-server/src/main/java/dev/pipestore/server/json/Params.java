package dev.pipestore.server.json;

import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.TimeBounds;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Path and query parameters, parsed or refused with an {@link InvalidInputException} naming the parameter. */
public final class Params {

    /** Larger than any audio's length in seconds (about 317 years). */
    static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(10_000_000_000L);
    /** Finer than any sample rate's frame (a nanosecond): values are rounded to it. */
    static final int SCALE = 9;
    /**
     * More decimals than a client's floating-point number prints ({@code 0.1 + 0.2} is {@code 0.30000000000000004}),
     * and few enough that rounding them costs nothing.
     */
    static final int MAX_SCALE = 40;

    private Params() {}

    /** The path parameter {@code name} as a UUID. */
    public static UUID uuid(Context ctx, String name) {
        return uuid(name, ctx.pathParam(name));
    }

    public static UUID uuid(String name, String value) {
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString accepts short groups such as 1-1-1-1-1; only the canonical form names a record.
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "'" + value + "' is not a UUID", e);
        }
    }

    /**
     * Refuses an {@code Idempotency-Key} header on a batch route, which keys each item in its body instead: one key
     * cannot name many records, and ignoring it would let a client believe its retries safe.
     *
     * @param items what the body's elements are called, for the message
     */
    public static void refuseBatchIdempotencyKey(Context ctx, String items) {
        if (ctx.header("Idempotency-Key") != null) {
            throw new InvalidInputException("Idempotency-Key", "a batch takes an idempotency_key in each of its " + items
                    + ", not this header");
        }
    }

    /** The query parameter, or {@code null} when absent or empty. */
    public static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String value = text(ctx, name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new InvalidInputException(name, "must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            String why = value.matches("[+-]?\\d+") ? "is out of range" : "is not a whole number";
            throw new InvalidInputException(name, "'" + value + "' " + why + "; expected " + min + " to " + max, e);
        }
    }

    /**
     * A decimal number of seconds rounded to the nanosecond, or {@code null} when absent; at most {@link #MAX_SECONDS}
     * either way and with at most {@link #MAX_SCALE} decimals, so that {@code 1e999999999} or {@code 1e-999999999} is
     * refused here rather than expanded to a billion digits by the arithmetic that follows.
     */
    public static BigDecimal decimal(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "'" + value + "' is not a number", e);
        }
        if (seconds.abs().compareTo(MAX_SECONDS) > 0 || seconds.scale() > MAX_SCALE) {
            throw new InvalidInputException(name, "'" + value + "' is out of range: at most " + MAX_SECONDS.toPlainString()
                    + " seconds, with at most " + MAX_SCALE + " decimals");
        }
        return seconds.setScale(Math.min(seconds.scale(), SCALE), java.math.RoundingMode.HALF_UP);
    }

    /** A {@link TimeBounds} value: an instant, a date (midnight UTC) or an age ({@code 24h}); {@code null} when absent. */
    public static Instant instant(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        return TimeBounds.parse(name, value, Instant.now());
    }

    /** {@code ?limit=} (default {@value PageRequest#DEFAULT_LIMIT}) and {@code ?cursor=}. */
    public static PageRequest page(Context ctx) {
        return new PageRequest(integer(ctx, "limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT), text(ctx, "cursor"));
    }

    /** {@code ?flag=true|false}; anything else is refused. */
    public static boolean flag(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInputException(name, "must be true or false, got '" + value + "'");
    }
}
