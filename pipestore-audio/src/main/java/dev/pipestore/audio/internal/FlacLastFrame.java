package dev.pipestore.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Finds the last FLAC frame by searching back from the end of the file for a frame header whose CRC-8 is right and
 * whose CRC-16 footer covers exactly the bytes to the end. That proves the file ends on a whole frame, and the
 * header's frame or sample number says where the audio ends.
 */
final class FlacLastFrame {

    private static final int DEFAULT_WINDOW = 1 << 20;
    private static final int MAX_WINDOW = 4 << 20;
    private static final int MIN_FRAME = 10;
    /** Real files need one or two; the cap keeps crafted input from costing a CRC over the window per header. */
    private static final int MAX_CRC_CHECKS = 32;
    private static final int[] CRC8 = table(0x07, 8);
    private static final int[] CRC16 = table(0x8005, 16);
    /** Sample rates of the frame header's codes 0 to 11; 0 means "as STREAMINFO says". */
    private static final int[] RATES = {0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000, 44_100,
        48_000, 96_000};

    private FlacLastFrame() {
    }

    /** The sample number just past the last frame in {@code [audioStart, audioEnd)}. */
    static long endSample(ChannelInput in, long audioStart, long audioEnd, FlacStreamInfo info)
            throws IOException, MalformedAudioException {
        long wanted = info.maxFrameSize() > 0 ? 2L * info.maxFrameSize() + 1024 : DEFAULT_WINDOW;
        int window = (int) Math.min(Math.min(wanted, MAX_WINDOW), audioEnd - audioStart);
        ByteBuffer tail = in.read(audioEnd - window, window);
        byte[] b = new byte[tail.remaining()];
        tail.get(b);
        if (b.length < MIN_FRAME) {
            throw new MalformedAudioException("truncated FLAC: the audio is shorter than one frame");
        }
        int footer = (b[b.length - 2] & 0xFF) << 8 | b[b.length - 1] & 0xFF;
        int checks = 0;
        for (int i = b.length - MIN_FRAME; i >= 0 && checks < MAX_CRC_CHECKS; i--) {
            if ((b[i] & 0xFF) != 0xFF || (b[i + 1] & 0xFE) != 0xF8) {
                continue;
            }
            FrameHeader header = header(b, i, info);
            if (header == null) {
                continue;
            }
            if (crc(CRC16, 16, b, i, b.length - 2) == footer) {
                requireAgreement(header, info);
                return header.endSample();
            }
            checks++;
        }
        throw new MalformedAudioException("truncated FLAC: the file does not end with a complete frame "
                + "(cut short or corrupt)");
    }

    /**
     * What a frame header says of its stream.
     *
     * @param endSample the sample just past the frame
     * @param sampleRate in Hz; 0 when the header refers to STREAMINFO's
     */
    private record FrameHeader(long endSample, int sampleRate, int channels) {
    }

    /**
     * A frame that passed both CRCs is real audio, so STREAMINFO must describe it: a rate or channel count that
     * differs is a damaged STREAMINFO, and which of the two is right would decide the duration.
     */
    private static void requireAgreement(FrameHeader frame, FlacStreamInfo info) throws MalformedAudioException {
        if (frame.sampleRate() != 0 && frame.sampleRate() != info.sampleRate()) {
            throw new MalformedAudioException(Messages.format("malformed FLAC: STREAMINFO says %,d Hz but the last"
                    + " frame says %,d Hz", info.sampleRate(), frame.sampleRate()));
        }
        if (frame.channels() != info.channels()) {
            throw new MalformedAudioException(Messages.format("malformed FLAC: STREAMINFO says %,d channels but the"
                    + " last frame has %,d", info.channels(), frame.channels()));
        }
    }

    /** The header of the frame that starts at {@code i}, or null if no valid header starts there. */
    private static FrameHeader header(byte[] b, int i, FlacStreamInfo info) {
        boolean variable = (b[i + 1] & 1) != 0;
        int blockCode = (b[i + 2] & 0xFF) >>> 4;
        int rateCode = b[i + 2] & 0xF;
        int channelCode = (b[i + 3] & 0xFF) >>> 4;
        if (blockCode == 0 || rateCode == 15 || channelCode > 10 || (b[i + 3] & 1) != 0
                || ((b[i + 3] >>> 1) & 7) == 3) {
            return null;
        }
        int p = i + 4;
        int lead = b[p] & 0xFF;
        int extra = lead < 0x80 ? 0 : lead < 0xC0 ? -1 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : lead < 0xF8 ? 3
                : lead < 0xFC ? 4 : lead < 0xFE ? 5 : lead == 0xFE ? 6 : -1;
        if (extra < 0 || (!variable && extra > 5) || p + extra + 4 >= b.length) {
            return null;
        }
        long number = extra == 0 ? lead : lead & (0x3F >>> extra);
        for (int k = 1; k <= extra; k++) {
            if ((b[p + k] & 0xC0) != 0x80) {
                return null;
            }
            number = number << 6 | (b[p + k] & 0x3F);
        }
        p += extra + 1;
        int blockSize = switch (blockCode) {
            case 1 -> 192;
            case 2, 3, 4, 5 -> 576 << (blockCode - 2);
            case 6 -> (b[p++] & 0xFF) + 1;
            case 7 -> ((b[p++] & 0xFF) << 8 | (b[p++] & 0xFF)) + 1;
            default -> 256 << (blockCode - 8);
        };
        int rateBytes = rateCode == 12 ? 1 : rateCode == 13 || rateCode == 14 ? 2 : 0;
        if (p + rateBytes >= b.length) {
            return null;
        }
        int coded = rateBytes == 1 ? b[p] & 0xFF : rateBytes == 2 ? (b[p] & 0xFF) << 8 | b[p + 1] & 0xFF : 0;
        int sampleRate = switch (rateCode) {
            case 12 -> coded * 1000;
            case 13 -> coded;
            case 14 -> coded * 10;
            default -> RATES[rateCode];
        };
        p += rateBytes;
        if (crc(CRC8, 8, b, i, p) != (b[p] & 0xFF)) {
            return null;
        }
        // A fixed-blocksize stream numbers frames; every frame but the last holds the nominal (maximum) block size.
        long end = variable ? number + blockSize : number * info.maxBlockSize() + blockSize;
        // Codes 8 to 10 are stereo pairs coded as left/side, side/right or mid/side.
        return new FrameHeader(end, sampleRate, channelCode <= 7 ? channelCode + 1 : 2);
    }

    private static int crc(int[] table, int width, byte[] b, int from, int to) {
        int crc = 0;
        int mask = (1 << width) - 1;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ table[((crc >>> (width - 8)) ^ b[i]) & 0xFF]) & mask;
        }
        return crc;
    }

    private static int[] table(int polynomial, int width) {
        int[] table = new int[256];
        int top = 1 << (width - 1);
        int mask = (1 << width) - 1;
        for (int n = 0; n < 256; n++) {
            int c = n << (width - 8);
            for (int k = 0; k < 8; k++) {
                c = (c & top) != 0 ? (c << 1) ^ polynomial : c << 1;
            }
            table[n] = c & mask;
        }
        return table;
    }
}
