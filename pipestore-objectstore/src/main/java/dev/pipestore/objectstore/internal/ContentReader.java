package dev.pipestore.objectstore.internal;

import dev.pipestore.InvalidInputException;
import dev.pipestore.objectstore.ObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads the caller's content for a put: computes SHA-256 and counts bytes on the way, and enforces the expected length.
 *
 * <p>Every failure here is the caller's (short, long or broken content), so it is an {@link InvalidInputException} on
 * the field {@code content}, raised before anything becomes visible under the key. Adapters use {@link #atEnd()} to
 * decide whether what they buffered is everything, without reading past the expected length.
 */
public final class ContentReader {

    private final String key;
    private final InputStream in;
    private final long expectedLength;
    private final MessageDigest digest;
    private long consumed;
    private int pending = -1;
    private boolean ended;

    public ContentReader(String key, InputStream in, long expectedLength) {
        this.key = key;
        this.in = in;
        this.expectedLength = expectedLength;
        this.digest = sha256();
    }

    /** Reads up to {@code length} bytes into {@code buffer}; returns how many, or -1 at the end of the content. */
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (pending >= 0) {
            buffer[offset] = (byte) pending;
            pending = -1;
            return 1;
        }
        if (ended) {
            return -1;
        }
        int n = readSource(buffer, offset, length);
        if (n < 0) {
            ended = true;
        }
        return n;
    }

    /** Whether the content has no more bytes; may read one byte ahead, which the next {@link #read} returns. */
    public boolean atEnd() {
        if (pending >= 0) {
            return false;
        }
        if (ended) {
            return true;
        }
        byte[] one = new byte[1];
        int n;
        do {
            n = readSource(one, 0, 1);
        } while (n == 0);
        if (n < 0) {
            ended = true;
            return true;
        }
        pending = one[0] & 0xff;
        return false;
    }

    /**
     * Checks that the content ended with exactly the expected length and returns its SHA-256, in lower-case hex.
     *
     * @throws InvalidInputException if bytes remain or the content was shorter than expected
     */
    public String finish() {
        if (!atEnd()) {
            throw new InvalidInputException("content", "key " + ObjectKeys.printable(key)
                    + ": content continues after " + consumed + " bytes where it should have ended");
        }
        if (expectedLength >= 0 && consumed != expectedLength) {
            throw new InvalidInputException("content", "key " + ObjectKeys.printable(key) + ": content ended after "
                    + consumed + " bytes, " + expectedLength + " expected");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Bytes taken from the source so far. */
    public long consumed() {
        return consumed;
    }

    /** The length the caller promised, or -1. */
    public long expectedLength() {
        return expectedLength;
    }

    private int readSource(byte[] buffer, int offset, int length) {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            throw new InvalidInputException("content", "key " + ObjectKeys.printable(key) + ": reading the content failed after "
                    + consumed + " bytes: " + e.getMessage(), e);
        }
        if (n > 0) {
            consumed += n;
            if (expectedLength >= 0 && consumed > expectedLength) {
                throw new InvalidInputException("content", "key " + ObjectKeys.printable(key)
                        + ": content is longer than the expected " + expectedLength + " bytes");
            }
            digest.update(buffer, offset, n);
        }
        return n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
