package dev.pipestore.audio.internal;

import java.io.IOException;

/**
 * Walks an elementary audio stream frame by frame (MP3, ADTS AAC): finds the first real frame, counts samples,
 * resynchronises over junk and refuses a cut-off last frame. Every loop advances, so it always ends.
 */
final class FrameScanner {

    /** How a stream's frames are recognised. */
    interface Syntax {
        /** Bytes needed to decode a header. */
        int headerSize();

        /** The frame whose header starts at {@code pos} (already loaded in the window), or null if none does. */
        Frame parse(ScanWindow window, long pos);
    }

    /** One frame: its length in bytes, the samples it decodes to, and the bits that stay constant in a stream. */
    record Frame(int length, int samples, int streamKey) {
    }

    private static final int WINDOW = 64 << 10;

    private final ScanWindow window;
    private final Syntax syntax;
    private final String format;

    FrameScanner(ChannelInput in, Syntax syntax, String format) {
        this.window = new ScanWindow(in, WINDOW);
        this.syntax = syntax;
        this.format = format;
    }

    /**
     * The offset of the first frame in {@code [from, min(end, from + limit))} that is followed by a frame of the same
     * stream (or ends exactly at {@code end}), or -1. Requiring two frames keeps stray 0xFF bytes from passing.
     */
    long findFirst(long from, long end, long limit) throws IOException {
        long stop = limit >= end - from ? end : from + limit;
        for (long pos = from; pos < stop; pos++) {
            Frame frame = frameAt(pos, end);
            if (frame == null) {
                continue;
            }
            long next = pos + frame.length();
            if (next == end) {
                return pos;
            }
            Frame following = next < end ? frameAt(next, end) : null;
            if (following != null && following.streamKey() == frame.streamKey()) {
                return pos;
            }
        }
        return -1;
    }

    /**
     * Samples in all frames from {@code from} to {@code end}, counting only frames of the stream the first real frame
     * belongs to; 0 if there is none.
     */
    long countSamples(long from, long end) throws IOException, MalformedAudioException {
        long first = findFirst(from, end, Long.MAX_VALUE);
        Frame reference = first < 0 ? null : frameAt(first, end);
        if (reference == null) {
            return 0;
        }
        long samples = 0;
        long pos = first;
        while (pos < end) {
            Frame frame = frameAt(pos, end);
            if (frame != null && frame.streamKey() == reference.streamKey()) {
                if (pos + frame.length() > end) {
                    throw new MalformedAudioException(Messages.format(
                            "truncated %s: the frame at byte %,d needs %,d bytes but only %,d follow", format, pos,
                            frame.length(), end - pos));
                }
                samples += frame.samples();
                pos += frame.length();
            } else {
                // Junk between frames (a broken tag, a damaged frame): skip to the next pair of real frames.
                pos = findFirst(pos + 1, end, Long.MAX_VALUE);
                if (pos < 0) {
                    break;
                }
            }
        }
        return samples;
    }

    private Frame frameAt(long pos, long end) throws IOException {
        int need = syntax.headerSize();
        if (end - pos < need || window.load(pos, need) < need || window.byteAt(pos) != 0xFF) {
            return null;
        }
        Frame frame = syntax.parse(window, pos);
        return frame != null && frame.length() >= need ? frame : null;
    }
}
