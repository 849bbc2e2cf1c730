package dev.pipestore.objectstore.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * Reads bytes {@code [first, first + length)} of an open file and closes it when done.
 *
 * <p>The channel was opened before the range was checked, so a concurrent replace (a rename onto the key) does not
 * change what this stream returns: it keeps reading the file it opened.
 */
final class RangeInputStream extends InputStream {

    private final FileChannel channel;
    private long position;
    private final long end;

    RangeInputStream(FileChannel channel, long first, long length) {
        this.channel = channel;
        this.position = first;
        this.end = first + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(length, end - position);
        int n = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
        if (n < 0) {
            // The file is shorter than when it was opened: only a truncation by hand can do that.
            throw new IOException("file ended at byte " + position + " of a range ending at " + end);
        }
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
