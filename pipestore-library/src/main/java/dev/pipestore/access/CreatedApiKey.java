package dev.pipestore.access;

import dev.pipestore.catalog.ApiKey;
import java.util.Objects;

/**
 * A key just created, with its secret: the only time the secret exists outside its holder. Show it once, then drop it;
 * {@link #toString()} leaves it out so it cannot reach a log by accident.
 *
 * @param key the stored key (hash and prefix only)
 * @param secret what the holder sends as {@code Authorization: Bearer <secret>}
 */
public record CreatedApiKey(ApiKey key, String secret) {

    public CreatedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "CreatedApiKey[key=" + key + ", secret=" + key.keyPrefix() + "…(hidden)]";
    }
}
