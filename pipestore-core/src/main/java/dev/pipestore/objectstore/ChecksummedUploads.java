package dev.pipestore.objectstore;

import java.nio.file.Path;

/**
 * An optional ability of an {@link ObjectStore}: storing content whose length and SHA-256 the caller already knows (a
 * spooled file, or a small upload kept in memory), so the store neither buffers nor hashes it again on the client, and
 * has the backend check the hash before the object becomes visible.
 */
public interface ChecksummedUploads {

    /**
     * Stores the whole of {@code file} under {@code key}, like {@link ObjectStore#put}.
     *
     * @param sha256 lower-case hex SHA-256 of the file, checked by the backend before the object becomes visible
     * @throws dev.pipestore.IntegrityException when the bytes received do not have that SHA-256; nothing is stored
     */
    StoredObject putFile(String key, Path file, PutOptions options, String sha256);

    /**
     * Stores {@code content[0, length)} under {@code key}, like {@link ObjectStore#put}. The array is only read, and
     * may be reused once this returns.
     *
     * @param sha256 lower-case hex SHA-256 of those bytes, checked by the backend before the object becomes visible
     * @throws dev.pipestore.InvalidInputException when {@code length} is outside the array, or
     *     {@link PutOptions#expectedLength()} is set and differs from it
     * @throws dev.pipestore.IntegrityException when the bytes received do not have that SHA-256; nothing is stored
     */
    StoredObject putBytes(String key, byte[] content, int length, PutOptions options, String sha256);
}
