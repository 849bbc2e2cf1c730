package dev.pipestore.objectstore;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ObjectStore#head} knows about a stored object.
 *
 * @param key the object's key
 * @param size bytes
 * @param contentType MIME type given when it was stored
 * @param lastModified when it was stored
 * @param userMetadata the user metadata given when it was stored
 */
public record ObjectInfo(String key, long size, String contentType, Instant lastModified, Map<String, String> userMetadata) {

    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(lastModified, "lastModified");
        userMetadata = Map.copyOf(userMetadata);
    }
}
