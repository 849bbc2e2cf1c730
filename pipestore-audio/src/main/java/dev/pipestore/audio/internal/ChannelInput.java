package dev.pipestore.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

/**
 * Bounded, positioned reads from an open file, a seekable channel or bytes in memory: the only way the probes touch
 * content.
 */
public final class ChannelInput {

    /** The largest single read any probe makes, whatever a header claims, so memory stays bounded. */
    static final int MAX_READ = 8 << 20;

    private final PositionedSource source;
    private final long size;

    /** Reads {@code channel} from its current size; a {@link FileChannel} is read by position without moving it. */
    public ChannelInput(SeekableByteChannel channel) throws IOException {
        this.size = channel.size();
        this.source = channel instanceof FileChannel file ? file::read : (dst, pos) -> {
            channel.position(pos);
            return channel.read(dst);
        };
    }

    /** Reads the bytes between {@code content}'s position and limit, which it leaves untouched. */
    public ChannelInput(ByteBuffer content) {
        ByteBuffer bytes = content.slice();
        this.size = bytes.remaining();
        this.source = (dst, pos) -> {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), size - pos);
            dst.put(dst.position(), bytes, (int) pos, n).position(dst.position() + n);
            return n;
        };
    }

    /** Content length in bytes, taken once when opened. */
    public long size() {
        return size;
    }

    /** Bytes from {@code pos} to the end of the file, never negative. */
    long remaining(long pos) {
        return Math.max(0, size - pos);
    }

    /** Up to {@code len} bytes at {@code pos}, fewer only at the end of the file; big-endian, ready to read. */
    public ByteBuffer read(long pos, int len) throws IOException {
        if (pos < 0 || len < 0 || len > MAX_READ) {
            throw new IllegalArgumentException("read of " + len + " bytes at " + pos);
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(len, remaining(pos)));
        fill(buffer, pos);
        return buffer.flip();
    }

    /** Reads into {@code buffer} from {@code pos} until it is full or the file ends; returns the bytes read. */
    int fill(ByteBuffer buffer, long pos) throws IOException {
        int start = buffer.position();
        while (buffer.hasRemaining()) {
            int n = source.read(buffer, pos + buffer.position() - start);
            if (n < 0) {
                break; // the file shrank under us: callers see a short read, as they would for a truncated file
            }
        }
        return buffer.position() - start;
    }

    /** Exactly {@code len} bytes at {@code pos}, or a "truncated" error naming {@code what} in {@code format}. */
    ByteBuffer readFully(long pos, int len, String format, String what) throws IOException, MalformedAudioException {
        ByteBuffer buffer = read(pos, len);
        if (buffer.remaining() < len) {
            throw MalformedAudioException.cutShort(format, what, len, buffer.remaining());
        }
        return buffer;
    }

    /** Like {@link #readFully}, for sizes taken from a header, refusing ones too large to be honest. */
    ByteBuffer readDeclared(long pos, long len, String format, String what)
            throws IOException, MalformedAudioException {
        if (len > MAX_READ) {
            throw new MalformedAudioException(Messages.format(
                    "malformed %s: %s declares %,d bytes, more than the %,d a header can need", format, what, len,
                    MAX_READ));
        }
        if (len > remaining(pos)) {
            throw MalformedAudioException.truncated(format, what, len, remaining(pos));
        }
        return read(pos, (int) len);
    }

    /** A read at an absolute position, as {@link FileChannel#read(ByteBuffer, long)}: -1 at the end. */
    @FunctionalInterface
    private interface PositionedSource {
        int read(ByteBuffer dst, long pos) throws IOException;
    }
}
