package dev.pipestore.objectstore;

import java.io.InputStream;
import java.util.Optional;

/**
 * Port to one bucket of an object store. Content always streams: no method holds a whole object in memory.
 *
 * <p>Keys are {@code /}-separated relative paths; adapters refuse keys that {@link ObjectKeys#requireValid}
 * refuses. Every method may throw {@link dev.pipestore.BackendUnavailableException} when the backend does not answer.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Streams {@code content} to {@code key}, replacing any object there, and returns what was stored.
     * The object becomes visible under {@code key} only once it is complete and durable.
     *
     * @throws dev.pipestore.InvalidInputException if the key is invalid or the content is shorter or longer than
     *     {@link PutOptions#expectedLength()} says
     */
    StoredObject put(String key, InputStream content, PutOptions options);

    /** Opens the whole object for reading. The caller closes the stream. */
    default InputStream get(String key) {
        return get(key, ByteRange.ALL);
    }

    /**
     * Opens {@code range} of the object for reading. The caller closes the stream.
     *
     * @throws dev.pipestore.NotFoundException if there is no object at {@code key}
     * @throws dev.pipestore.InvalidInputException if the range starts at or past the end of the object
     */
    InputStream get(String key, ByteRange range);

    /** Size, content type and user metadata of the object at {@code key}, or empty when there is none. */
    Optional<ObjectInfo> head(String key);

    /** Removes the object at {@code key}; removing a missing object is not an error. */
    void delete(String key);

    /**
     * One page of the keys starting with {@code prefix}, in lexicographic order.
     *
     * @param continuation {@code null} for the first page, then {@link ObjectPage#nextContinuation()}
     * @param maxKeys at most this many keys, 1 to 1000
     */
    ObjectPage list(String prefix, String continuation, int maxKeys);

    /** Checks that the backend answers and the bucket is reachable; throws when it does not. */
    void ping();

    /** Where this store keeps its objects, for people: never contains a secret. */
    String describe();

    @Override
    void close();
}
