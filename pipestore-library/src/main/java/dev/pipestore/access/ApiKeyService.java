package dev.pipestore.access;

import dev.pipestore.catalog.ApiKey;
import dev.pipestore.catalog.ApiKeys;
import dev.pipestore.catalog.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys with roles: created with a secret shown once, stored as its SHA-256 only, listed, revoked, and checked on
 * each request. Secrets never reach a log, an exception message or {@code toString()}.
 *
 * <p>Checks are remembered in-process for a few seconds ({@link #DEFAULT_CACHE_TTL} unless configured), found or not,
 * by the secret's hash: a revocation through this service takes effect at once, one made by another process on the same
 * catalog within that time.
 */
public final class ApiKeyService {

    /** The file in the data directory that receives the first-start admin secret. */
    public static final String ADMIN_KEY_FILE = FirstAdminKey.FILE_NAME;
    public static final String FIRST_ADMIN_KEY_NAME = FirstAdminKey.KEY_NAME;
    /** Recording every use would turn each read request into a write; once a minute per key tells enough. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** How long a check is remembered by default: how late another process's revocation may take effect here. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);

    private final ApiKeys keys;
    private final Clock clock;
    private final VerifiedKeys verified;

    /** A service remembering checks for {@link #DEFAULT_CACHE_TTL}. */
    public ApiKeyService(ApiKeys keys, Clock clock) {
        this(keys, clock, DEFAULT_CACHE_TTL);
    }

    /** @param cacheTtl how long a check is remembered in this process; zero checks the catalog on every request */
    public ApiKeyService(ApiKeys keys, Clock clock, Duration cacheTtl) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verified = new VerifiedKeys(cacheTtl);
    }

    /**
     * Creates a key; the returned secret is the only copy anywhere.
     *
     * @throws dev.pipestore.InvalidInputException naming {@code name} when it is empty, too long or has control characters
     */
    public CreatedApiKey create(Role role, String name) {
        Objects.requireNonNull(role, "role");
        String secret = ApiKeySecrets.generate();
        ApiKey key = new ApiKey(UUID.randomUUID(), name == null ? null : name.strip(), role, ApiKeySecrets.sha256Hex(secret),
                secret.substring(0, ApiKey.PREFIX_LENGTH), now(), null, null);
        CreatedApiKey created = new CreatedApiKey(keys.insert(key), secret);
        verified.forget(key.keyHash());
        return created;
    }

    /** Every key, revoked ones included, oldest first. */
    public List<ApiKey> list() {
        return keys.list();
    }

    /**
     * Revokes the key for good; revoking it again changes nothing.
     *
     * @throws dev.pipestore.NotFoundException when there is no such key
     */
    public ApiKey revoke(UUID id) {
        ApiKey revoked = keys.revoke(Objects.requireNonNull(id, "id"), now());
        verified.forget(revoked.keyHash());
        return revoked;
    }

    /**
     * The valid key whose secret this is; empty for anything else (malformed, unknown, revoked), without saying which.
     */
    public Optional<ApiKey> authenticate(String secret) {
        String candidate = secret == null ? null : secret.strip();
        if (!ApiKeySecrets.wellFormed(candidate)) {
            return Optional.empty();
        }
        Optional<ApiKey> key = verified.get(ApiKeySecrets.sha256Hex(candidate), keys::findByHash).filter(k -> !k.revoked());
        if (key.isEmpty()) {
            return key;
        }
        Instant now = now();
        Instant lastUsed = key.get().lastUsedAt();
        if (lastUsed == null || lastUsed.plus(TOUCH_INTERVAL).isBefore(now)) {
            keys.touch(key.get().id(), now);
            ApiKey touched = key.get().withLastUsedAt(now);
            verified.refresh(touched);
            return Optional.of(touched);
        }
        return key;
    }

    /**
     * On the very first start (no key at all, revoked ones included, so revoking every key never brings an automatic
     * admin key back), creates an admin key and writes its secret to {@code <dataDir>/admin.key}, mode 0600.
     *
     * <p>Two processes starting together may both create a key; only the one that creates the file keeps its key, the
     * other revokes its own, whose secret nobody ever saw. An {@code admin.key} that is already there is never
     * overwritten.
     *
     * @return the file, when this call created it; empty when keys exist or another process won
     */
    public Optional<Path> ensureAdminKey(Path dataDir) {
        return new FirstAdminKey(this, keys).ensure(Objects.requireNonNull(dataDir, "dataDir"));
    }

    /** The unrevoked key of a well-formed secret as the catalog has it now, without recording its use. */
    Optional<ApiKey> valid(String secret) {
        return keys.findByHash(ApiKeySecrets.sha256Hex(secret)).filter(k -> !k.revoked());
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
