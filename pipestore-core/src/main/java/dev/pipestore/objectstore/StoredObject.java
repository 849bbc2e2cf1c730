package dev.pipestore.objectstore;

import java.util.Objects;

/**
 * What a completed {@link ObjectStore#put} wrote.
 *
 * @param key the object's key
 * @param size bytes stored
 * @param sha256 lower-case hex SHA-256 of the bytes stored, computed while streaming
 */
public record StoredObject(String key, long size, String sha256) {

    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
    }
}
