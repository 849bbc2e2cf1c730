package dev.pipestore.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Xing/Info (with an optional LAME or Lavc gapless extension) or VBRI header that encoders put in an MP3's first
 * frame: how many audio frames and bytes follow, and how many samples of encoder delay and padding to trim.
 *
 * @param kind "Xing", "Info" or "VBRI", for messages
 * @param frames audio frames after this one, or -1 if not recorded
 * @param bytes stream bytes including this frame, or -1 if not recorded
 * @param delay encoder delay in samples (0 if unknown)
 * @param padding encoder padding in samples (0 if unknown)
 */
record Mp3VbrHeader(String kind, long frames, long bytes, int delay, int padding) {

    private static final int VBRI_OFFSET = 4 + 32;
    private static final int FRAMES_FLAG = 1;
    private static final int BYTES_FLAG = 2;
    private static final int TOC_FLAG = 4;
    private static final int QUALITY_FLAG = 8;

    /** The header in the frame at {@code frameStart}, or null when that frame is ordinary audio. */
    static Mp3VbrHeader read(ChannelInput in, long frameStart, MpegFrameHeader header) throws IOException {
        ByteBuffer frame = in.read(frameStart, Math.max(header.frameLength(), 192));
        Mp3VbrHeader xing = xing(frame, header.xingOffset());
        return xing != null ? xing : vbri(frame);
    }

    private static Mp3VbrHeader xing(ByteBuffer frame, int offset) {
        String tag = ascii(frame, offset, 4);
        if (!tag.equals("Xing") && !tag.equals("Info") || frame.limit() < offset + 8) {
            return null;
        }
        int flags = frame.getInt(offset + 4);
        int p = offset + 8;
        long frames = -1;
        long bytes = -1;
        if ((flags & FRAMES_FLAG) != 0 && frame.limit() >= p + 4) {
            frames = frame.getInt(p) & 0xFFFFFFFFL;
            p += 4;
        }
        if ((flags & BYTES_FLAG) != 0 && frame.limit() >= p + 4) {
            bytes = frame.getInt(p) & 0xFFFFFFFFL;
            p += 4;
        }
        p += ((flags & TOC_FLAG) != 0 ? 100 : 0) + ((flags & QUALITY_FLAG) != 0 ? 4 : 0);
        // The LAME tag: 9 bytes of encoder name, then 12 bytes of settings, then 12-bit delay and 12-bit padding.
        String encoder = ascii(frame, p, 4);
        int delay = 0;
        int padding = 0;
        if ((encoder.equals("LAME") || encoder.equals("Lavf") || encoder.equals("Lavc")) && frame.limit() >= p + 24) {
            int packed = (frame.get(p + 21) & 0xFF) << 16 | (frame.get(p + 22) & 0xFF) << 8 | frame.get(p + 23) & 0xFF;
            delay = packed >>> 12;
            padding = packed & 0xFFF;
        }
        return new Mp3VbrHeader(tag, frames, bytes, delay, padding);
    }

    private static Mp3VbrHeader vbri(ByteBuffer frame) {
        if (!ascii(frame, VBRI_OFFSET, 4).equals("VBRI") || frame.limit() < VBRI_OFFSET + 18) {
            return null;
        }
        long bytes = frame.getInt(VBRI_OFFSET + 10) & 0xFFFFFFFFL;
        long frames = frame.getInt(VBRI_OFFSET + 14) & 0xFFFFFFFFL;
        return new Mp3VbrHeader("VBRI", frames, bytes, 0, 0);
    }

    /** Samples the stream decodes to, gapless-trimmed when the header records delay and padding plausibly. */
    long samples(int samplesPerFrame) {
        long total = frames * samplesPerFrame;
        long trim = (long) delay + padding;
        return trim < total ? total - trim : total;
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        if (offset < 0 || b.limit() < offset + length) {
            return "";
        }
        byte[] bytes = new byte[length];
        b.get(offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
