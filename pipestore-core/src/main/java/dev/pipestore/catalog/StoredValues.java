package dev.pipestore.catalog;

import java.io.IOException;

/**
 * Reading back values pipestore itself wrote, such as a cached record: records built inside {@link #decode} take the
 * metadata object they are given as their own, without the defensive copy, and a transcription's segments are not
 * checked again. Every other check of the records still runs.
 *
 * <p>Only for text the store wrote, decoded into trees nobody else holds: the check and the copy are what protect a
 * record from its caller, and here the store is the caller. A cached read costs little more than the cache's own
 * round trip, so checking again what was checked on the way in would be most of pipestore's share of it.
 */
public final class StoredValues {

    /** Decodes one value. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode() throws IOException;
    }

    private static final ThreadLocal<Boolean> DECODING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private StoredValues() {}

    /** Runs {@code decoder} with the records it builds trusting their metadata, as the class describes. */
    public static <T> T decode(Decoder<T> decoder) throws IOException {
        Boolean outer = DECODING.get();
        DECODING.set(Boolean.TRUE);
        try {
            return decoder.decode();
        } finally {
            DECODING.set(outer);
        }
    }

    /** Whether the current thread is inside {@link #decode}. */
    static boolean decoding() {
        return DECODING.get();
    }
}
