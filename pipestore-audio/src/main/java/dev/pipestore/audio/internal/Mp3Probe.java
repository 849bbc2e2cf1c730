package dev.pipestore.audio.internal;

import dev.pipestore.audio.AudioInfo;
import java.io.IOException;

/**
 * Measures MPEG audio streams (MP3, and layers I and II): from the Xing/Info/VBRI header when the first frame has
 * one, otherwise by counting every frame, because a VBR file without such a header has no other honest duration.
 */
final class Mp3Probe {

    /** How far past the tags the first frame may start; real files have at most a little junk there. */
    private static final long SYNC_SEARCH = 1 << 20;

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
        long samples;
        if (vbr != null && vbr.frames() > 0) {
            checkComplete(vbr, first, end, header);
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

    private static int headerBits(ScanWindow window, long pos) {
        return window.byteAt(pos) << 24 | window.byteAt(pos + 1) << 16 | window.byteAt(pos + 2) << 8
                | window.byteAt(pos + 3);
    }
}
