package dev.pipestore.objectstore;

import dev.pipestore.IntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stored content read whole, checked against the size and SHA-256 the catalog recorded for it. The chunk that
 * completes the content is handed over only once the check passed, so damaged bytes end in an {@link IntegrityException}
 * and a reader that streams on (an HTTP response with its exact Content-Length) stops short, which its client sees,
 * instead of completing a wrong copy.
 */
public final class VerifiedContent extends InputStream {

    private final InputStream in;
    private final long size;
    private final String sha256;
    private final String what;
    private final MessageDigest digest;
    private long read;

    /**
     * @param what the record the content belongs to, for the message (e.g. "audio file 5f0c…")
     */
    public VerifiedContent(InputStream in, long size, String sha256, String what) {
        this.in = in;
        this.size = size;
        this.sha256 = sha256;
        this.what = what;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n == -1) {
            if (read < size) {
                throw damaged("ends after " + read + " of its " + size + " bytes");
            }
            if (size == 0) {
                requireDigest();
            }
            return -1;
        }
        digest.update(buffer, offset, n);
        read += n;
        if (read > size) {
            throw damaged("is longer than its " + size + " bytes");
        }
        if (read == size) {
            requireDigest();
        }
        return n;
    }

    private void requireDigest() {
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha256)) {
            throw damaged("has SHA-256 " + actual + ", not the " + sha256 + " it was stored with");
        }
    }

    private IntegrityException damaged(String how) {
        return new IntegrityException("the stored content of " + what + " is damaged: it " + how);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
