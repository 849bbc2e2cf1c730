package dev.pipestore.server.upload;

import dev.pipestore.ingest.DeclaredLength;
import dev.pipestore.server.problem.HttpProblem;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read through two guards: more than {@code limit} bytes is a 413, and a read that fails (the client
 * went away mid-body) becomes a {@link ClientGoneException} instead of an {@link IOException}. Both are unchecked, so
 * they reach the problem mapper through library code that only expects to clean up on the way out.
 */
public final class BoundedBody extends FilterInputStream implements DeclaredLength {

    private final long limit;
    private final String field;
    private final long declared;
    private long count;

    /** A body whose length was not declared. */
    public BoundedBody(InputStream body, long limit, String field) {
        this(body, limit, field, -1);
    }

    /** @param declared the request's {@code Content-Length}, or -1 when it has none (chunked) */
    public BoundedBody(InputStream body, long limit, String field, long declared) {
        super(body);
        this.limit = limit;
        this.field = field;
        this.declared = declared;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            throw new ClientGoneException("the request body ended after " + count + " bytes: " + e.getMessage(), e);
        }
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw HttpProblem.payloadTooLarge(field, limit);
            }
        }
        return n;
    }

    /** Skipped bytes are read, so they count against the limit too. */
    @Override
    public long skip(long n) {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (read == -1) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public long declaredRemaining() {
        return declared < 0 ? -1 : Math.max(0, declared - count);
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }
}
