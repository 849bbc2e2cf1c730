package dev.pipestore.audio.internal;

/**
 * One decoded MPEG audio frame header (MPEG-1, 2 and 2.5, layers I to III): enough to find the next frame, count the
 * samples and locate a Xing or VBRI header.
 */
record MpegFrameHeader(int version, int layer, int sampleRate, int bitrateKbps, boolean mono, int frameLength,
        int samplesPerFrame, int streamKey) {

    /** MPEG version as written in the header bits: 0 = 2.5, 2 = 2, 3 = 1 (1 is reserved). */
    static final int MPEG_1 = 3;

    private static final int[][] SAMPLE_RATES = {
        {11025, 12000, 8000}, null, {22050, 24000, 16000}, {44100, 48000, 32000},
    };
    // [MPEG-1 ? 0 : 1][layer - 1][bitrate index]; index 0 is "free format", which we do not accept.
    private static final int[][][] BITRATES = {
        {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        },
        {
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
        },
    };

    /** Whether {@code h} is a valid header but for its bitrate index 0: a free-format stream, which has no frame size. */
    static boolean isFreeFormat(int h) {
        return parse(h & ~(0xF << 12) | 1 << 12) != null && ((h >>> 12) & 0xF) == 0;
    }

    /** The header in the four bytes {@code h} (big-endian), or null if they are not a valid, supported header. */
    static MpegFrameHeader parse(int h) {
        int version = (h >>> 19) & 3;
        int layerBits = (h >>> 17) & 3;
        int bitrateIndex = (h >>> 12) & 0xF;
        int rateIndex = (h >>> 10) & 3;
        if ((h >>> 21) != 0x7FF || version == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15
                || rateIndex == 3 || (h & 3) == 2) {
            return null;
        }
        int layer = 4 - layerBits;
        int sampleRate = SAMPLE_RATES[version][rateIndex];
        int bitrate = BITRATES[version == MPEG_1 ? 0 : 1][layer - 1][bitrateIndex];
        int padding = (h >>> 9) & 1;
        int samples = layer == 1 ? 384 : layer == 2 || version == MPEG_1 ? 1152 : 576;
        int length = layer == 1
                ? (12 * bitrate * 1000 / sampleRate + padding) * 4
                : samples / 8 * bitrate * 1000 / sampleRate + padding;
        boolean mono = ((h >>> 6) & 3) == 3;
        // Version, layer and sample rate never change within a stream; a "header" that changes them is junk.
        int key = (h >>> 17) & 0xF | rateIndex << 4;
        return new MpegFrameHeader(version, layer, sampleRate, bitrate, mono, length, samples, key);
    }

    /** Bytes from the frame start to where a Xing/Info header would begin: header plus side information. */
    int xingOffset() {
        int sideInfo = version == MPEG_1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        return 4 + sideInfo;
    }

    /** The codec name ffprobe uses for this layer. */
    String codec() {
        return "mp" + layer;
    }
}
