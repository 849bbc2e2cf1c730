package dev.pipestore.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One ISO base media (MP4) box header: type, where it starts, and its full size, 64-bit and to-end sizes resolved. */
record Mp4Box(String type, long start, int headerSize, long size) {

    /** Boxes in one parent beyond this are not a file any muxer wrote. */
    private static final int MAX_CHILDREN = 10_000;

    /** First byte of the box's payload. */
    long body() {
        return start + headerSize;
    }

    long end() {
        return start + size;
    }

    long bodySize() {
        return size - headerSize;
    }

    /** The boxes laid end to end in {@code [from, to)}, refusing any that claims to run past {@code to}. */
    static List<Mp4Box> children(ChannelInput in, long from, long to, String parent)
            throws IOException, MalformedAudioException {
        List<Mp4Box> boxes = new ArrayList<>();
        long pos = from;
        while (to - pos >= 8) {
            if (boxes.size() == MAX_CHILDREN) {
                throw new MalformedAudioException(Messages.format(
                        "malformed MP4: more than %,d boxes in %s", MAX_CHILDREN, parent));
            }
            Mp4Box box = read(in, pos, to, parent);
            boxes.add(box);
            pos = box.end();
        }
        return boxes;
    }

    private static Mp4Box read(ChannelInput in, long pos, long to, String parent)
            throws IOException, MalformedAudioException {
        ByteBuffer h = in.readFully(pos, (int) Math.min(16, to - pos), "MP4", "a box header");
        long size = h.getInt(0) & 0xFFFFFFFFL;
        String type = fourCc(h);
        int headerSize = 8;
        if (size == 1) {
            if (h.limit() < 16) {
                throw MalformedAudioException.cutShort("MP4", "the '" + type + "' box header", 16, h.limit());
            }
            size = h.getLong(8);
            headerSize = 16;
        } else if (size == 0) {
            size = to - pos; // "extends to the end": only legal for the last box
        }
        if (size < headerSize) {
            throw new MalformedAudioException(Messages.format(
                    "malformed MP4: the '%s' box at byte %,d declares an impossible size of %,d", type, pos, size));
        }
        if (size > to - pos) {
            if (to == in.size()) {
                throw MalformedAudioException.truncated("MP4", Messages.format("the '%s' box at byte %,d", type,
                        pos), size, to - pos);
            }
            throw new MalformedAudioException(Messages.format(
                    "malformed MP4: the '%s' box at byte %,d runs past the end of its parent %s", type, pos, parent));
        }
        return new Mp4Box(type, pos, headerSize, size);
    }

    private static String fourCc(ByteBuffer h) throws MalformedAudioException {
        byte[] bytes = new byte[4];
        h.get(4, bytes);
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7E) {
                throw new MalformedAudioException("malformed MP4: a box type is not printable text");
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
