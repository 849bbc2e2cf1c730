package dev.pipestore.audio.internal;

import java.nio.ByteBuffer;

/** The FLAC STREAMINFO metadata block: block and frame size bounds, sample rate, channels and total samples. */
record FlacStreamInfo(int minBlockSize, int maxBlockSize, int maxFrameSize, int sampleRate, int channels,
        int bitsPerSample, long totalSamples) {

    static final int SIZE = 34;
    private static final int MIN_BLOCK_SIZE = 16;

    /** Parses the 34-byte block body; a total of 0 means the encoder did not know it (a streamed FLAC). */
    static FlacStreamInfo parse(ByteBuffer b) throws MalformedAudioException {
        int maxFrame = (b.get(7) & 0xFF) << 16 | (b.get(8) & 0xFF) << 8 | b.get(9) & 0xFF;
        long packed = b.getLong(10);
        int rate = (int) (packed >>> 44);
        if (rate == 0) {
            throw new MalformedAudioException("malformed FLAC: STREAMINFO gives a sample rate of 0 Hz");
        }
        int minBlock = b.getShort(0) & 0xFFFF;
        int maxBlock = b.getShort(2) & 0xFFFF;
        if (minBlock < MIN_BLOCK_SIZE || maxBlock < MIN_BLOCK_SIZE) {
            // The last frame's position is counted in blocks of the maximum size: a bad one gives a wrong length.
            throw new MalformedAudioException(Messages.format("malformed FLAC: STREAMINFO gives block sizes of %,d "
                    + "to %,d samples, but FLAC blocks are at least %d", minBlock, maxBlock, MIN_BLOCK_SIZE));
        }
        return new FlacStreamInfo(minBlock, maxBlock, maxFrame, rate,
                (int) (packed >>> 41 & 7) + 1, (int) (packed >>> 36 & 0x1F) + 1, packed & 0xF_FFFF_FFFFL);
    }
}
