package dev.pipestore.audio.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The WAVE {@code fmt } chunk: encoding, channels, rate and block size, with WAVE_FORMAT_EXTENSIBLE resolved.
 *
 * @param samplesPerBlock for the block codecs (IMA and MS ADPCM, GSM 6.10), the samples each block of {@code blockAlign}
 *     bytes decodes to; 0 otherwise
 */
record WavFormatChunk(int formatTag, int channels, long sampleRate, long byteRate, int blockAlign, int bitsPerSample,
        int samplesPerBlock) {

    static final int PCM = 1;
    static final int FLOAT = 3;
    static final int ALAW = 6;
    static final int MULAW = 7;
    static final int MS_ADPCM = 0x0002;
    static final int IMA_ADPCM = 0x0011;
    static final int GSM = 0x0031;
    private static final int EXTENSIBLE = 0xFFFE;
    /** FFmpeg's limit too: a count above it is a damaged header, not a recording. */
    static final int MAX_CHANNELS = 512;
    static final int MIN_SIZE = 16;
    static final int EXTENSIBLE_SIZE = 40;

    /** Parses a chunk body of at least {@link #MIN_SIZE} bytes. */
    static WavFormatChunk parse(ByteBuffer body) throws MalformedAudioException {
        ByteBuffer b = body.order(ByteOrder.LITTLE_ENDIAN);
        int tag = b.getShort(0) & 0xFFFF;
        if (tag == EXTENSIBLE && b.limit() >= EXTENSIBLE_SIZE) {
            tag = b.getShort(24) & 0xFFFF; // the first two bytes of the SubFormat GUID are the real format tag
        }
        int channels = b.getShort(2) & 0xFFFF;
        int blockAlign = b.getShort(12) & 0xFFFF;
        WavFormatChunk fmt = new WavFormatChunk(tag, channels, b.getInt(4) & 0xFFFFFFFFL, b.getInt(8) & 0xFFFFFFFFL,
                blockAlign, b.getShort(14) & 0xFFFF, samplesPerBlock(tag, channels, blockAlign));
        if (fmt.channels == 0 || fmt.channels > MAX_CHANNELS) {
            throw new MalformedAudioException(Messages.format("malformed WAV: the fmt chunk says %,d channels",
                    fmt.channels));
        }
        if (fmt.sampleRate == 0 || fmt.sampleRate > Integer.MAX_VALUE) {
            throw new MalformedAudioException(Messages.format(
                    "malformed WAV: the fmt chunk says a sample rate of %,d Hz", fmt.sampleRate));
        }
        if (fmt.isFixedBlock() && fmt.frameBytes() == 0) {
            throw new MalformedAudioException("malformed WAV: the fmt chunk says 0 bytes per sample frame");
        }
        int sampleBytes = fmt.channels * ((fmt.bitsPerSample + 7) / 8);
        if (fmt.isFixedBlock() && fmt.blockAlign > 0 && fmt.bitsPerSample > 0 && fmt.blockAlign != sampleBytes) {
            // Which of the two is wrong decides the duration by a factor; neither can be trusted.
            throw new MalformedAudioException(Messages.format("malformed WAV: the fmt chunk says %,d bytes per sample"
                    + " frame, but %,d %s of %,d bits %s %,d", fmt.blockAlign, fmt.channels,
                    fmt.channels == 1 ? "channel" : "channels", fmt.bitsPerSample, fmt.channels == 1 ? "takes" : "take",
                    sampleBytes));
        }
        return fmt;
    }

    /**
     * The samples one block decodes to, from the block size as the codec lays blocks out (a header per channel, then
     * 4-bit samples), not from the fmt chunk's own count, which a damaged or oddly extended header gets wrong; 0 when
     * the codec is not one of these or the block cannot hold its header.
     */
    private static int samplesPerBlock(int tag, int channels, int blockAlign) {
        if (channels == 0) {
            return 0;
        }
        return switch (tag) {
            case IMA_ADPCM -> blockAlign > 4 * channels ? (blockAlign - 4 * channels) * 2 / channels + 1 : 0;
            case MS_ADPCM -> blockAlign > 7 * channels ? (blockAlign - 7 * channels) * 2 / channels + 2 : 0;
            case GSM -> blockAlign == 65 && channels == 1 ? 320 : 0; // GSM 6.10 in WAV: two 160-sample frames per block
            default -> 0;
        };
    }

    /** PCM-like encodings, where every sample frame has the same size, so the data size gives the exact length. */
    boolean isFixedBlock() {
        return formatTag == PCM || formatTag == FLOAT || formatTag == ALAW || formatTag == MULAW;
    }

    /**
     * The samples in {@code dataBytes} of a block codec whose samples per block are known: whole blocks, plus what a
     * final partial block holds (its header carries one sample per channel for IMA, two for MS ADPCM); -1 otherwise.
     */
    long samplesInBlocks(long dataBytes) {
        if (samplesPerBlock == 0 || blockAlign == 0) {
            return -1;
        }
        long samples = dataBytes / blockAlign * samplesPerBlock;
        long rest = dataBytes % blockAlign;
        long partial = switch (formatTag) {
            case IMA_ADPCM -> rest >= 4L * channels ? 1 + (rest - 4L * channels) * 2 / channels : 0;
            case MS_ADPCM -> rest >= 7L * channels ? 2 + (rest - 7L * channels) * 2 / channels : 0;
            default -> 0; // GSM blocks cannot be cut
        };
        return samples + Math.min(partial, samplesPerBlock);
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
