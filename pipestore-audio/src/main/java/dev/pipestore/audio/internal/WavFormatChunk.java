package dev.pipestore.audio.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The WAVE {@code fmt } chunk: encoding, channels, rate and block size, with WAVE_FORMAT_EXTENSIBLE resolved. */
record WavFormatChunk(int formatTag, int channels, long sampleRate, long byteRate, int blockAlign, int bitsPerSample) {

    static final int PCM = 1;
    static final int FLOAT = 3;
    static final int ALAW = 6;
    static final int MULAW = 7;
    private static final int EXTENSIBLE = 0xFFFE;
    static final int MIN_SIZE = 16;
    static final int EXTENSIBLE_SIZE = 40;

    /** Parses a chunk body of at least {@link #MIN_SIZE} bytes. */
    static WavFormatChunk parse(ByteBuffer body) throws MalformedAudioException {
        ByteBuffer b = body.order(ByteOrder.LITTLE_ENDIAN);
        int tag = b.getShort(0) & 0xFFFF;
        if (tag == EXTENSIBLE && b.limit() >= EXTENSIBLE_SIZE) {
            tag = b.getShort(24) & 0xFFFF; // the first two bytes of the SubFormat GUID are the real format tag
        }
        WavFormatChunk fmt = new WavFormatChunk(tag, b.getShort(2) & 0xFFFF, b.getInt(4) & 0xFFFFFFFFL,
                b.getInt(8) & 0xFFFFFFFFL, b.getShort(12) & 0xFFFF, b.getShort(14) & 0xFFFF);
        if (fmt.channels == 0) {
            throw new MalformedAudioException("malformed WAV: the fmt chunk says 0 channels");
        }
        if (fmt.sampleRate == 0 || fmt.sampleRate > Integer.MAX_VALUE) {
            throw new MalformedAudioException(Messages.format(
                    "malformed WAV: the fmt chunk says a sample rate of %,d Hz", fmt.sampleRate));
        }
        if (fmt.isFixedBlock() && fmt.frameBytes() == 0) {
            throw new MalformedAudioException("malformed WAV: the fmt chunk says 0 bytes per sample frame");
        }
        return fmt;
    }

    /** PCM-like encodings, where every sample frame has the same size, so the data size gives the exact length. */
    boolean isFixedBlock() {
        return formatTag == PCM || formatTag == FLOAT || formatTag == ALAW || formatTag == MULAW;
    }

    /** Bytes per sample frame: the block alignment, or derived from the bit depth when a writer left it 0. */
    int frameBytes() {
        return blockAlign > 0 ? blockAlign : channels * ((bitsPerSample + 7) / 8);
    }

    /** The codec name ffprobe uses. */
    String codec() {
        int containerBits = blockAlign > 0 ? blockAlign * 8 / channels : bitsPerSample;
        return switch (formatTag) {
            case PCM -> containerBits == 8 ? "pcm_u8" : "pcm_s" + containerBits + "le";
            case FLOAT -> "pcm_f" + containerBits + "le";
            case ALAW -> "pcm_alaw";
            case MULAW -> "pcm_mulaw";
            case 0x0002 -> "adpcm_ms";
            case 0x0011 -> "adpcm_ima_wav";
            case 0x0031 -> "gsm_ms";
            case 0x0055 -> "mp3";
            default -> Messages.format("wav_0x%04x", formatTag);
        };
    }
}
