package dev.pipestore.catalog;

import dev.pipestore.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of API keys: stored by the SHA-256 of their secret, which never reaches the catalog. */
public interface ApiKeys {

    /** @throws dev.pipestore.ConflictException when the id or the hash is already stored */
    ApiKey insert(ApiKey key);

    Optional<ApiKey> find(UUID id);

    default ApiKey get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("API key", id.toString()));
    }

    /** The key whose secret hashes to {@code sha256Hex}, revoked or not. */
    Optional<ApiKey> findByHash(String sha256Hex);

    /** Every key, revoked ones included, oldest first. */
    List<ApiKey> list();

    /**
     * Marks the key revoked at {@code at} and returns it; revoking a revoked key keeps the first revocation time.
     *
     * @throws NotFoundException when there is no such key
     */
    ApiKey revoke(UUID id, Instant at);

    /** Records that the key authenticated a request at {@code lastUsed}; unknown ids are ignored. */
    void touch(UUID id, Instant lastUsed);
}
