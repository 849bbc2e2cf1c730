package dev.pipestore.audio.internal;

import dev.pipestore.audio.AudioInfo;
import java.io.IOException;

/**
 * Measures MPEG audio streams (MP3, and layers I and II): from the Xing/Info/VBRI header when the first frame has
 * one and no frames follow those it counts, otherwise by counting every frame, because a VBR file without such a
 * header, or MP3 files joined end to end, have no other honest duration.
 */
final class Mp3Probe {

    /** How far past the tags the first frame may start; real files have at most a little junk there. */
    private static final long SYNC_SEARCH = 1 << 20;
    /** How much may follow the frames a VBR header counts, in frames, and still be taken for junk, not more audio. */
    private static final int TRAILING_FRAMES = 4;

    static final FrameScanner.Syntax SYNTAX = new FrameScanner.Syntax() {
        @Override
        public int headerSize() {
            return 4;
        }

        @Override
        public FrameScanner.Frame parse(ScanWindow window, long pos) {
            MpegFrameHeader h = MpegFrameHeader.parse(headerBits(window, pos));
            return h == null ? null : new FrameScanner.Frame(h.frameLength(), h.samplesPerFrame(), h.streamKey());
        }
    };

    private Mp3Probe() {
    }

    static AudioInfo probe(ChannelInput in, long start) throws IOException, MalformedAudioException {
        long end = Id3Tags.audioEnd(in, start);
        FrameScanner scanner = new FrameScanner(in, SYNTAX, "MP3");
        long first = scanner.findFirst(start, end, SYNC_SEARCH);
        if (first < 0) {
            throw new MalformedAudioException(start > 0
                    ? "not an MP3 file: no MPEG audio frames follow the ID3 tag"
                    : "malformed MP3: no two consecutive MPEG audio frames found");
        }
        MpegFrameHeader header = MpegFrameHeader.parse(in.read(first, 4).getInt(0));
        Mp3VbrHeader vbr = Mp3VbrHeader.read(in, first, header);
        boolean headerCounts = vbr != null && vbr.frames() > 0;
        if (headerCounts) {
            checkComplete(vbr, first, end, header);
            headerCounts = !framesFollow(in, scanner, vbr, first, end, header);
        }
        long samples;
        if (headerCounts) {
            samples = vbr.samples(header.samplesPerFrame());
        } else {
            // The frame holding a VBR header decodes to silence that is not part of the recording.
            long audio = vbr != null ? first + header.frameLength() : first;
            samples = scanner.countSamples(audio, end);
        }
        return new AudioInfo(AudioFormat.MP3.id(), samples / (double) header.sampleRate(), header.sampleRate(),
                header.mono() ? 1 : 2, header.codec());
    }

    /**
     * Refuses a file shorter than its VBR header says. Writers disagree on whether the byte count includes the ID3v2
     * tag, so either reading is accepted, give or take a frame.
     */
    private static void checkComplete(Mp3VbrHeader vbr, long first, long end, MpegFrameHeader header)
            throws MalformedAudioException {
        long declared = vbr.bytes();
        long available = end - first;
        long slack = header.frameLength();
        boolean countsFromStreamStart = declared <= available + slack;
        boolean countsFromFileStart = Math.abs(declared - end) <= slack;
        if (declared > 0 && !countsFromStreamStart && !countsFromFileStart) {
            throw MalformedAudioException.truncated("MP3", "the " + vbr.kind() + " header", declared, available);
        }
    }

    /**
     * Whether MPEG frames continue past the ones the VBR header counts, as in MP3 files joined with {@code cat}: the
     * header then describes only the first of them, so the frames must be counted. A header without a byte count
     * cannot be checked this way, so it is not trusted either.
     */
    private static boolean framesFollow(ChannelInput in, FrameScanner scanner, Mp3VbrHeader vbr, long first, long end,
            MpegFrameHeader header) throws IOException {
        if (vbr.bytes() < 0) {
            return true;
        }
        long declaredEnd = first + vbr.bytes();
        if (end - declaredEnd <= (long) TRAILING_FRAMES * header.frameLength()) {
            return false;
        }
        // The next file's ID3v2 tag may come first; a second file's cover art can be large.
        long next = Id3Tags.skipLeading(in, declaredEnd);
        return next < end && scanner.findFirst(next, end, SYNC_SEARCH) >= 0;
    }

    private static int headerBits(ScanWindow window, long pos) {
        return window.byteAt(pos) << 24 | window.byteAt(pos + 1) << 16 | window.byteAt(pos + 2) << 8
                | window.byteAt(pos + 3);
    }
}
