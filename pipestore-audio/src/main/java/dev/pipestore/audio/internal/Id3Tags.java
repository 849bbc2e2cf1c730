package dev.pipestore.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Locates the metadata tags around an elementary audio stream (ID3v2 before it; ID3v1, APEv2, Lyrics3 after it). */
final class Id3Tags {

    /** Several ID3v2 tags in a row happen (tools that prepend without looking); more than this is not a tag run. */
    private static final int MAX_LEADING_TAGS = 16;
    private static final int MAX_TRAILING_TAGS = 4;

    private Id3Tags() {
    }

    /** Length of the ID3v2 tag (header, body and optional footer) starting at {@code b}'s position, or 0 if none. */
    static long id3v2Length(ByteBuffer b) {
        int p = b.position();
        if (b.remaining() < 10 || b.get(p) != 'I' || b.get(p + 1) != 'D' || b.get(p + 2) != '3') {
            return 0;
        }
        int major = b.get(p + 3) & 0xFF;
        if (major < 2 || major > 4 || (b.get(p + 4) & 0xFF) == 0xFF) {
            return 0;
        }
        long size = 0;
        for (int i = 6; i < 10; i++) {
            int v = b.get(p + i) & 0xFF;
            if (v >= 0x80) {
                return 0; // not syncsafe, so not an ID3v2 header
            }
            size = (size << 7) | v;
        }
        boolean footer = major == 4 && (b.get(p + 5) & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }

    /** Offset of the first byte after the ID3v2 tags that start at {@code pos}. */
    static long skipLeading(ChannelInput in, long pos) throws IOException {
        for (int i = 0; i < MAX_LEADING_TAGS; i++) {
            long length = id3v2Length(in.read(pos, 10));
            if (length == 0) {
                return pos;
            }
            pos += length;
        }
        return pos;
    }

    /** Offset just past the audio: the file's end less any ID3v1, APEv2 or Lyrics3 tags, never before {@code start}. */
    static long audioEnd(ChannelInput in, long start) throws IOException {
        long end = in.size();
        for (int i = 0; i < MAX_TRAILING_TAGS; i++) {
            long tag = trailingTagLength(in, end);
            if (tag == 0 || end - tag < start) {
                break;
            }
            end -= tag;
        }
        return end;
    }

    private static long trailingTagLength(ChannelInput in, long end) throws IOException {
        if (end >= 128 && ascii(in.read(end - 128, 3)).equals("TAG")) {
            return 128;
        }
        if (end >= 32) {
            ByteBuffer footer = in.read(end - 32, 32).order(ByteOrder.LITTLE_ENDIAN);
            if (ascii(footer.slice(0, 8)).equals("APETAGEX")) {
                long size = footer.getInt(12) & 0xFFFFFFFFL; // items plus footer
                boolean hasHeader = (footer.getInt(20) & 0x80000000) != 0;
                return size + (hasHeader ? 32 : 0);
            }
        }
        if (end >= 15 && ascii(in.read(end - 9, 9)).equals("LYRICS200")) {
            String digits = ascii(in.read(end - 15, 6));
            if (digits.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(digits) + 15;
            }
        }
        return 0;
    }

    private static String ascii(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
