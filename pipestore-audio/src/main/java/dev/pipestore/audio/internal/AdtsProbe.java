package dev.pipestore.audio.internal;

import dev.pipestore.audio.AudioInfo;
import java.io.IOException;

/** Measures raw AAC in ADTS framing (.aac): it has no duration header, so every frame is counted. */
final class AdtsProbe {

    private static final long SYNC_SEARCH = 1 << 20;
    private static final int SAMPLES_PER_BLOCK = 1024;
    /** Enough for a program config element's channel elements (at most 45 of them, 5 bits each). */
    private static final int PROGRAM_CONFIG_BYTES = 64;
    static final int[] SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
    };

    /** ADTS header bits, decoded. */
    record Header(int sampleRate, int channelConfig, int frameLength, int blocks, int streamKey, int headerLength) {

        /** The header in the first seven bytes at {@code pos}, or null if they are not one. */
        static Header parse(ScanWindow w, long pos) {
            int b1 = w.byteAt(pos + 1);
            int b2 = w.byteAt(pos + 2);
            int b3 = w.byteAt(pos + 3);
            int rateIndex = (b2 >>> 2) & 0xF;
            // 12-bit sync, then layer bits that must be 00 (that is what tells ADTS from MPEG audio).
            if (w.byteAt(pos) != 0xFF || (b1 & 0xF6) != 0xF0 || rateIndex >= SAMPLE_RATES.length) {
                return null;
            }
            boolean crc = (b1 & 1) == 0;
            int length = (b3 & 3) << 11 | w.byteAt(pos + 4) << 3 | w.byteAt(pos + 5) >>> 5;
            if (length < (crc ? 9 : 7)) {
                return null;
            }
            int channels = (b2 & 1) << 2 | b3 >>> 6;
            int blocks = (w.byteAt(pos + 6) & 3) + 1;
            int key = (b1 & 0x08) << 12 | (b2 & 0xFD) << 4 | channels; // MPEG id, profile, rate, channels
            // With a CRC, the header ends with the positions of the raw data blocks after the first, and the CRC.
            int headerLength = 7 + (crc ? 2 * blocks : 0);
            return new Header(SAMPLE_RATES[rateIndex], channels, length, blocks, key, headerLength);
        }
    }

    private static final FrameScanner.Syntax SYNTAX = new FrameScanner.Syntax() {
        @Override
        public int headerSize() {
            return 7;
        }

        @Override
        public FrameScanner.Frame parse(ScanWindow window, long pos) {
            Header h = Header.parse(window, pos);
            return h == null ? null : new FrameScanner.Frame(h.frameLength(), h.blocks() * SAMPLES_PER_BLOCK,
                    h.streamKey());
        }
    };

    private AdtsProbe() {
    }

    static AudioInfo probe(ChannelInput in, long start) throws IOException, MalformedAudioException {
        long end = Id3Tags.audioEnd(in, start);
        FrameScanner scanner = new FrameScanner(in, SYNTAX, "AAC");
        long first = scanner.findFirst(start, end, SYNC_SEARCH);
        if (first < 0) {
            throw new MalformedAudioException("malformed AAC: no two consecutive ADTS frames found");
        }
        ScanWindow window = new ScanWindow(in, 16);
        window.load(first, 7);
        Header header = Header.parse(window, first);
        long samples = scanner.countSamples(first, end);
        return new AudioInfo(AudioFormat.AAC.id(), samples / (double) header.sampleRate(), header.sampleRate(),
                channels(in, first, header), "aac");
    }

    /**
     * The channel count, or null if the stream does not say where we can read it. Channel configuration 0 means a
     * program config element describes the layout; encoders (ffmpeg among them) put it at the start of the first
     * frame's raw data, where it can be read without decoding audio.
     */
    private static Integer channels(ChannelInput in, long frame, Header header) throws IOException {
        if (header.channelConfig() != 0) {
            return header.channelConfig() == 7 ? 8 : header.channelConfig();
        }
        BitReader r = new BitReader(in.read(frame + header.headerLength(), PROGRAM_CONFIG_BYTES));
        if (r.bits(3) != AacProgramConfig.ELEMENT_ID) {
            return null;
        }
        int channels = AacProgramConfig.channels(r);
        return channels > 0 ? channels : null;
    }
}
