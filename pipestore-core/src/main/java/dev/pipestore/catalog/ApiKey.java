package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An API key as the catalog keeps it: never the secret, only its SHA-256 and its first characters for people to
 * recognise it by.
 *
 * @param id primary key
 * @param name what the key is for, chosen by its creator
 * @param role what the key may do
 * @param keyHash lower-case hex SHA-256 of the secret's UTF-8 bytes
 * @param keyPrefix the secret's first {@value #PREFIX_LENGTH} characters, for display
 * @param createdAt when the key was made
 * @param revokedAt when it was revoked, or {@code null} while it is valid
 * @param lastUsedAt when it last authenticated a request (updated at most about once a minute), or {@code null}
 */
public record ApiKey(UUID id, String name, Role role, String keyHash, String keyPrefix, Instant createdAt, Instant revokedAt,
        Instant lastUsedAt) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int PREFIX_LENGTH = 8;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "an API key needs a name saying what it is for");
        }
        Fields.requireMaxLength("name", name, MAX_NAME_LENGTH);
        if (name.indexOf('\0') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "contains control characters");
        }
        if (keyHash == null || !SHA256_HEX.matcher(keyHash).matches()) {
            throw new InvalidInputException("key_hash", "must be 64 lower-case hex digits (a SHA-256)");
        }
        if (keyPrefix == null || keyPrefix.length() != PREFIX_LENGTH) {
            throw new InvalidInputException("key_prefix", "must be the secret's first " + PREFIX_LENGTH + " characters");
        }
    }

    /** Whether the key has been revoked; a revoked key never authenticates again. */
    public boolean revoked() {
        return revokedAt != null;
    }

    public ApiKey withRevokedAt(Instant at) {
        return new ApiKey(id, name, role, keyHash, keyPrefix, createdAt, at, lastUsedAt);
    }

    public ApiKey withLastUsedAt(Instant at) {
        return new ApiKey(id, name, role, keyHash, keyPrefix, createdAt, revokedAt, at);
    }
}
