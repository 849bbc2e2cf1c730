package dev.pipestore.audio.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The MPEG-4 decoder configuration inside an 'esds' box: the object type (AAC or MP3) and, for AAC, the
 * AudioSpecificConfig's sample rate and channel layout, resolving HE-AAC's doubled output rate.
 */
record Mp4DecoderConfig(String codec, int sampleRate, int channels) {

    private static final int ES_DESCRIPTOR = 3;
    private static final int DECODER_CONFIG = 4;
    private static final int DECODER_SPECIFIC = 5;
    private static final int SBR = 5;
    private static final int PS = 29;
    /** The object types whose decoder configuration is a GASpecificConfig: AAC main, LC, SSR, LTP, and their kin. */
    private static final Set<Integer> GENERAL_AUDIO = Set.of(1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23);
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8, 0, 0, 0, 7, 8, 0, 8, 0};

    /**
     * Parses the descriptors at the buffer's position; null when they are not the expected shape. Throws
     * BufferUnderflowException when they run off the buffer.
     */
    static Mp4DecoderConfig parse(ByteBuffer b) {
        if (!enter(b, ES_DESCRIPTOR)) {
            return null;
        }
        skip(b, 2); // ES_ID
        int flags = b.get() & 0xFF;
        int skip = ((flags & 0x80) != 0 ? 2 : 0) + ((flags & 0x20) != 0 ? 2 : 0);
        if ((flags & 0x40) != 0) {
            skip += 1 + (b.get() & 0xFF); // URL length and URL
        }
        skip(b, skip);
        if (!enter(b, DECODER_CONFIG)) {
            return null;
        }
        int objectType = b.get() & 0xFF;
        skip(b, 12); // stream type, buffer size, max and average bitrate
        boolean mp3 = objectType == 0x69 || objectType == 0x6B;
        if (mp3 || !enter(b, DECODER_SPECIFIC)) {
            return new Mp4DecoderConfig(mp3 ? "mp3" : "aac", 0, 0);
        }
        return audioSpecificConfig(new BitReader(b));
    }

    private static Mp4DecoderConfig audioSpecificConfig(BitReader r) {
        int extension = objectType(r);
        int objectType = extension;
        int rate = rate(r);
        int channelConfig = r.bits(4);
        if (extension == SBR || extension == PS) {
            rate = rate(r); // explicit HE-AAC signalling: the output rate follows, then the core's object type
            objectType = objectType(r);
        }
        int channels = channelConfig == 0 && GENERAL_AUDIO.contains(objectType)
                ? programConfigChannels(r) : CHANNELS[channelConfig];
        if (extension == PS && channels == 1) {
            channels = 2; // parametric stereo decodes a mono core to stereo
        }
        return new Mp4DecoderConfig("aac", Math.max(rate, 0), channels);
    }

    /**
     * Channel configuration 0: the layout is in a program config element at the end of the GASpecificConfig (ffmpeg
     * writes one for quad, 2.1, hexagonal and octagonal, among others).
     */
    private static int programConfigChannels(BitReader r) {
        r.bits(1); // frameLengthFlag
        if (r.bits(1) == 1) { // dependsOnCoreCoder
            r.bits(14); // coreCoderDelay
        }
        r.bits(1); // extensionFlag
        return AacProgramConfig.channels(r);
    }

    private static int objectType(BitReader r) {
        int type = r.bits(5);
        return type == 31 ? 32 + r.bits(6) : type;
    }

    private static int rate(BitReader r) {
        int index = r.bits(4);
        if (index == 15) {
            return r.bits(24);
        }
        return index < AdtsProbe.SAMPLE_RATES.length ? AdtsProbe.SAMPLE_RATES[index] : 0;
    }

    private static void skip(ByteBuffer b, int n) {
        if (n > b.remaining()) {
            throw new BufferUnderflowException();
        }
        b.position(b.position() + n);
    }

    /** Reads a descriptor tag and length; positions {@code b} at its payload if the tag is {@code tag}. */
    private static boolean enter(ByteBuffer b, int tag) {
        if (!b.hasRemaining() || (b.get() & 0xFF) != tag) {
            return false;
        }
        for (int i = 0; i < 4; i++) { // the length: up to four 7-bit groups
            if ((b.get() & 0x80) == 0) {
                break;
            }
        }
        return true;
    }
}
