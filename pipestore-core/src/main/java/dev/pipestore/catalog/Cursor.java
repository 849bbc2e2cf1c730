package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The position of keyset pagination: the last row seen, by ({@code created_at}, {@code id}) descending.
 * Clients see it only as an opaque base64url string.
 */
public record Cursor(Instant createdAt, UUID id) {

    /** The opaque form given to clients. */
    public String encode() {
        String raw = createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor a client sent back. */
    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException("cursor", "not a cursor this server issued: " + encoded, e);
        }
    }
}
