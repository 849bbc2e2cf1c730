package dev.pipestore.cache.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.InvalidInputException;
import java.time.Duration;

/** The key, value and time-to-live rules every cache adapter enforces, so callers see the same refusals everywhere. */
public final class CacheArguments {

    /** Longest key accepted, in characters, before the adapter's prefix is added. */
    public static final int MAX_KEY_LENGTH = 1024;

    /** Shortest time to live: the seed counts expiry in seconds (SETEX), and a shorter one is almost surely a unit mistake. */
    public static final Duration MIN_TTL = Duration.ofSeconds(1);

    /** Longest time to live; far beyond any cache use, and it keeps nanosecond arithmetic from overflowing. */
    public static final Duration MAX_TTL = Duration.ofDays(365);

    private CacheArguments() {}

    /** Returns {@code key} when it is usable; refuses null, empty and overlong keys naming the field {@code key}. */
    public static String checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException("key", "must not be empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException("key", "is " + key.length() + " characters, more than " + MAX_KEY_LENGTH);
        }
        return key;
    }

    /** Returns {@code ttl} when it lies between {@link #MIN_TTL} and {@link #MAX_TTL}; refuses it naming {@code ttl}. */
    public static Duration checkTtl(Duration ttl) {
        if (ttl == null) {
            throw new InvalidInputException("ttl", "must not be null");
        }
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new InvalidInputException("ttl", "is " + ttl + ", less than " + MIN_TTL);
        }
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new InvalidInputException("ttl", "is " + ttl + ", more than " + MAX_TTL);
        }
        return ttl;
    }

    /** Returns {@code json} unless it is {@code null} or empty, which no JSON value is; refuses it naming {@code value}. */
    public static byte[] checkJson(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidInputException("value", "must be JSON text (\"null\" for a JSON null), not empty or null");
        }
        return json;
    }

    /** Returns {@code value} unless it is Java {@code null}; a JSON null must be stored as {@code NullNode}. */
    public static JsonNode checkValue(JsonNode value) {
        if (value == null) {
            throw new InvalidInputException("value", "must not be null (store NullNode for a JSON null, or delete the key)");
        }
        return value;
    }
}
