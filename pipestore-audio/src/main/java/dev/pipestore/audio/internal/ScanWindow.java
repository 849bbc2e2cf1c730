package dev.pipestore.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A read-ahead buffer for scans that walk a file front to back (frame counting, sync searches) in few system calls. */
final class ScanWindow {

    private final ChannelInput in;
    private final ByteBuffer buffer;
    private long start;
    private int length;

    ScanWindow(ChannelInput in, int capacity) {
        this.in = in;
        this.buffer = ByteBuffer.allocate(capacity);
    }

    /**
     * Makes bytes {@code [pos, pos + n)} addressable with {@link #byteAt} and returns how many of them exist, fewer
     * only near the end of the file. {@code n} must not exceed three quarters of the capacity.
     */
    int load(long pos, int n) throws IOException {
        long available = in.remaining(pos);
        int wanted = (int) Math.min(n, available);
        if (pos < start || pos + wanted > start + length) {
            // Start a little behind pos: a scan that peeks at the next frame and then steps back a byte stays
            // inside the window instead of re-reading it (which crafted input could make quadratic).
            long from = Math.max(0, pos - buffer.capacity() / 4);
            buffer.clear();
            length = in.fill(buffer, from);
            start = from;
        }
        return (int) Math.min(wanted, start + length - pos);
    }

    /** The unsigned byte at {@code pos}, which a previous {@link #load} covered. */
    int byteAt(long pos) {
        return buffer.get((int) (pos - start)) & 0xFF;
    }
}
