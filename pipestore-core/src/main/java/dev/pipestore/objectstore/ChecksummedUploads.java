package dev.pipestore.objectstore;

import java.nio.file.Path;

/**
 * An optional ability of an {@link ObjectStore}: storing a local file whose length and SHA-256 the caller already
 * knows, so the store neither buffers nor hashes it again, and has the server check the hash instead.
 */
public interface FileUploads {

    /**
     * Stores the whole of {@code file} under {@code key}, like {@link ObjectStore#put}.
     *
     * @param sha256 lower-case hex SHA-256 of the file, checked by the backend before the object becomes visible
     * @throws dev.pipestore.IntegrityException when the bytes received do not have that SHA-256; nothing is stored
     */
    StoredObject putFile(String key, Path file, PutOptions options, String sha256);
}
