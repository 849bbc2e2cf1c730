package dev.pipestore.audio.internal;

import java.nio.ByteBuffer;

/** Reads big-endian bit fields from a buffer; past its end it reads zeros, which later checks refuse. */
final class BitReader {

    private final ByteBuffer b;
    private long bitPos;

    /** Reads from {@code b}'s position to its limit. */
    BitReader(ByteBuffer b) {
        this.b = b.slice();
    }

    int bits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++, bitPos++) {
            int index = (int) (bitPos >>> 3);
            int bit = index < b.limit() ? (b.get(index) >>> (7 - (bitPos & 7))) & 1 : 0;
            v = v << 1 | bit;
        }
        return v;
    }
}
