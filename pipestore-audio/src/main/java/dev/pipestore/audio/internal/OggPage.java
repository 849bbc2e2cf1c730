package dev.pipestore.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One Ogg page (RFC 3533) read at a known offset: header fields, the segment table (the lacing values that say where
 * its packets end), the length of the first packet that starts on it, and whether it is whole and its CRC right.
 */
record OggPage(long offset, int flags, long granule, int serial, int headerLength, int bodyLength,
        int firstPacketLength, byte[] lacing, Status status) {

    /** Whether the page can be trusted; UNCHECKED when only its header was read, to skip over it. */
    enum Status { OK, BAD_CRC, INCOMPLETE, UNCHECKED }

    static final int BEGINNING = 2;
    static final int END = 4;
    private static final int FIXED_HEADER = 27;
    private static final int[] CRC = crcTable();

    /** The page at {@code offset}, or null when no Ogg page header (capture pattern and version 0) starts there. */
    static OggPage read(ChannelInput in, long offset) throws IOException {
        return read(in, offset, true);
    }

    /**
     * Like {@link #read(ChannelInput, long)} but reads only the page header, not the body, so its CRC is not checked:
     * for walking a whole file page by page at the cost of its headers alone.
     */
    static OggPage readHeader(ChannelInput in, long offset) throws IOException {
        return read(in, offset, false);
    }

    private static OggPage read(ChannelInput in, long offset, boolean checkCrc) throws IOException {
        ByteBuffer h = in.read(offset, FIXED_HEADER + 255).order(ByteOrder.LITTLE_ENDIAN);
        if (h.remaining() < 5 || h.getInt(0) != 0x5367674F || h.get(4) != 0) { // "OggS", version 0
            return null;
        }
        if (h.remaining() < FIXED_HEADER || h.remaining() < FIXED_HEADER + (h.get(26) & 0xFF)) {
            return new OggPage(offset, 0, -1, 0, FIXED_HEADER, 0, 0, new byte[0], Status.INCOMPLETE);
        }
        int segments = h.get(26) & 0xFF;
        int bodyLength = 0;
        int firstPacket = -1;
        for (int i = 0; i < segments; i++) {
            int value = h.get(FIXED_HEADER + i) & 0xFF;
            bodyLength += value;
            if (value < 255 && firstPacket < 0) {
                firstPacket = bodyLength;
            }
        }
        int headerLength = FIXED_HEADER + segments;
        Status status = in.remaining(offset + headerLength) < bodyLength ? Status.INCOMPLETE
                : !checkCrc ? Status.UNCHECKED
                : crcMatches(in, offset, h, headerLength, bodyLength) ? Status.OK : Status.BAD_CRC;
        byte[] lacing = new byte[segments];
        h.get(FIXED_HEADER, lacing);
        return new OggPage(offset, h.get(5) & 0xFF, h.getLong(6), h.getInt(14), headerLength, bodyLength,
                firstPacket < 0 ? bodyLength : firstPacket, lacing, status);
    }

    /** The first byte of the page's body. */
    long body() {
        return offset + headerLength;
    }

    /** The first byte after this page. */
    long end() {
        return offset + headerLength + bodyLength;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Refuses a page cut off by the end of the file or failing its CRC; {@code which} names it ("first", "last"). */
    void check(String which) throws MalformedAudioException {
        switch (status) {
            case INCOMPLETE -> throw new MalformedAudioException(Messages.format(
                    "truncated Ogg: the %s page, at byte %,d, is cut off by the end of the file", which, offset));
            case BAD_CRC -> throw new MalformedAudioException(Messages.format(
                    "corrupt Ogg: the %s page, at byte %,d, fails its CRC check", which, offset));
            case OK, UNCHECKED -> { }
        }
    }

    private static boolean crcMatches(ChannelInput in, long offset, ByteBuffer header, int headerLength,
            int bodyLength) throws IOException {
        int stored = header.getInt(22);
        int crc = 0;
        for (int i = 0; i < headerLength; i++) {
            int b = i >= 22 && i < 26 ? 0 : header.get(i); // the CRC field counts as zeros
            crc = (crc << 8) ^ CRC[((crc >>> 24) ^ b) & 0xFF];
        }
        ByteBuffer body = in.read(offset + headerLength, bodyLength);
        while (body.hasRemaining()) {
            crc = (crc << 8) ^ CRC[((crc >>> 24) ^ body.get()) & 0xFF];
        }
        return crc == stored;
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            }
            table[n] = c;
        }
        return table;
    }
}
