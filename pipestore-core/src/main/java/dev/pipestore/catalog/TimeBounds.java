package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time filter as people write it, the same on the command line and over HTTP: an ISO-8601 instant
 * ({@code 2026-11-28T10:00:00Z}), a date ({@code 2026-11-28}, meaning its start in UTC) or an age before now
 * ({@code 90s}, {@code 15m}, {@code 24h}, {@code 7d}).
 */
public final class TimeBounds {

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})([smhd])");

    private TimeBounds() {}

    /** @throws InvalidInputException naming {@code field} when {@code value} is none of the three forms */
    public static Instant parse(String field, String value, Instant now) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return now.minus(age(field, value));
            }
        }
    }

    private static Duration age(String field, String value) {
        return age(field, value, "'" + value + "' is not an instant, a date or an age such as 24h or 7d");
    }

    /**
     * An age such as {@code 90s}, {@code 30m}, {@code 24h} or {@code 7d}: for options that take a length of time only.
     *
     * @throws InvalidInputException naming {@code field} when {@code value} is not one
     */
    public static Duration parseAge(String field, String value) {
        return age(field, value, "'" + value + "' is not an age such as 30m, 24h or 7d");
    }

    private static Duration age(String field, String value, String refusal) {
        Matcher matcher = AGE.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidInputException(field, refusal);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
