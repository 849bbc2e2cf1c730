package dev.pipestore.objectstore.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An object's content stream that drops the HTTP connection when closed before the end.
 *
 * <p>Closing an SDK response stream early would otherwise read the rest of the object just to reuse the connection,
 * which for a large object costs more than opening a new connection.
 */
final class AbortingInputStream extends FilterInputStream {

    private final ResponseInputStream<GetObjectResponse> response;
    private long remaining;

    AbortingInputStream(ResponseInputStream<GetObjectResponse> response) {
        super(response);
        this.response = response;
        Long length = response.response().contentLength();
        this.remaining = length == null ? Long.MAX_VALUE : length;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        remaining = b < 0 ? 0 : remaining - 1;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        remaining = n < 0 ? 0 : remaining - n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        remaining -= skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        if (remaining > 0) {
            response.abort();
        }
        super.close();
    }
}
