package dev.pipestore.objectstore.s3;

import dev.pipestore.objectstore.internal.ContentReader;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The one buffer an upload reuses for each part: it grows up to one part and is refilled after each part is sent.
 *
 * <p>{@link #body()} hands the SDK a stream over the array instead of the array itself, because
 * {@code RequestBody.fromBytes} would copy it; the SDK may open the stream more than once (retries, checksums).
 */
final class PartBuffer {

    private static final int INITIAL_SIZE = 64 * 1024;

    private final int capacity;
    private byte[] bytes;
    private int length;

    /** A buffer of at most {@code capacity} bytes, sized for {@code expectedLength} when that is known (not -1). */
    PartBuffer(int capacity, long expectedLength) {
        this.capacity = capacity;
        this.bytes = new byte[expectedLength >= 0 ? (int) Math.min(expectedLength, capacity) : Math.min(INITIAL_SIZE, capacity)];
    }

    /** Refills from {@code reader} until the part is full or the content ends; returns whether the content ended. */
    boolean fill(ContentReader reader) {
        length = 0;
        while (length < capacity) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(capacity, Math.max(INITIAL_SIZE, 2L * bytes.length)));
            }
            int n = reader.read(bytes, length, bytes.length - length);
            if (n < 0) {
                return true;
            }
            length += n;
        }
        return reader.atEnd();
    }

    int length() {
        return length;
    }

    RequestBody body(String contentType) {
        byte[] content = bytes;
        int size = length;
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content, 0, size), size, contentType);
    }
}
