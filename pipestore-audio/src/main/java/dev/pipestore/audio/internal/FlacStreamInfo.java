package dev.pipestore.audio.internal;

import java.nio.ByteBuffer;

/** The FLAC STREAMINFO metadata block: block and frame size bounds, sample rate, channels and total samples. */
record FlacStreamInfo(int minBlockSize, int maxBlockSize, int maxFrameSize, int sampleRate, int channels,
        int bitsPerSample, long totalSamples) {

    static final int SIZE = 34;

    /** Parses the 34-byte block body; a total of 0 means the encoder did not know it (a streamed FLAC). */
    static FlacStreamInfo parse(ByteBuffer b) throws MalformedAudioException {
        int maxFrame = (b.get(7) & 0xFF) << 16 | (b.get(8) & 0xFF) << 8 | b.get(9) & 0xFF;
        long packed = b.getLong(10);
        int rate = (int) (packed >>> 44);
        if (rate == 0) {
            throw new MalformedAudioException("malformed FLAC: STREAMINFO gives a sample rate of 0 Hz");
        }
        return new FlacStreamInfo(b.getShort(0) & 0xFFFF, b.getShort(2) & 0xFFFF, maxFrame, rate,
                (int) (packed >>> 41 & 7) + 1, (int) (packed >>> 36 & 0x1F) + 1, packed & 0xF_FFFF_FFFFL);
    }
}
