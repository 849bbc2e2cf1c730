package dev.pipestore.metrics;

import io.micrometer.core.instrument.Counter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it, adding them to a counter once, on close, rather than on every read. */
final class CountingInputStream extends FilterInputStream {

    private final Counter counter;
    private long bytes;
    private boolean closed;

    CountingInputStream(InputStream in, Counter counter) {
        super(in);
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            bytes += n;
        }
        return n;
    }

    @Override
    public long transferTo(java.io.OutputStream out) throws IOException {
        // Let the adapter's stream use its own transfer; count what it moved.
        long n = in.transferTo(out);
        bytes += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            if (!closed) {
                closed = true;
                counter.increment(bytes);
            }
        }
    }
}
