package dev.pipestore.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What an Ogg stream's identification header (its first packet) says: Vorbis or Opus, rate, channels and, for Opus,
 * the pre-skip that the last granule position includes but the audio does not.
 */
record OggCodec(boolean opus, int sampleRate, int channels, int preSkip) {

    /** Identifies the stream that {@code bos}, a beginning-of-stream page, begins, from the packet it carries. */
    static OggCodec of(ChannelInput in, OggPage bos) throws IOException, MalformedAudioException {
        return identify(in.read(bos.body(), Math.min(bos.firstPacketLength(), 64)).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Decodes the first packet (little-endian buffer), refusing codecs other than Vorbis and Opus by name. */
    static OggCodec identify(ByteBuffer packet) throws MalformedAudioException {
        String magic = ascii(packet, 8);
        if (magic.startsWith("\u0001vorbis")) {
            if (packet.limit() < 30) {
                throw new MalformedAudioException("malformed Ogg: the Vorbis identification header is cut short");
            }
            int channels = packet.get(11) & 0xFF;
            long rate = packet.getInt(12) & 0xFFFFFFFFL;
            return checked(new OggCodec(false, (int) Math.min(rate, Integer.MAX_VALUE), channels, 0), rate);
        }
        if (magic.equals("OpusHead")) {
            if (packet.limit() < 19) {
                throw new MalformedAudioException("malformed Ogg: the OpusHead header is cut short");
            }
            int channels = packet.get(9) & 0xFF;
            int preSkip = packet.getShort(10) & 0xFFFF;
            long inputRate = packet.getInt(12) & 0xFFFFFFFFL;
            // Input rate 0 means "unknown"; Opus then only tells us its own 48 kHz.
            long rate = inputRate == 0 ? 48_000 : inputRate;
            return checked(new OggCodec(true, (int) Math.min(rate, Integer.MAX_VALUE), channels, preSkip), rate);
        }
        throw unsupported(magic);
    }

    /** The refusal of an Ogg stream whose first packet starts with {@code magic}, naming the codec if known. */
    static MalformedAudioException unsupported(String magic) {
        return new MalformedAudioException("unsupported Ogg stream: it holds " + describe(magic)
                + ", not Vorbis or Opus audio");
    }

    private static OggCodec checked(OggCodec codec, long rate) throws MalformedAudioException {
        String name = codec.opus ? "OpusHead" : "Vorbis header";
        if (codec.channels == 0) {
            throw new MalformedAudioException("malformed Ogg: the " + name + " says 0 channels");
        }
        if (rate == 0 || rate > Integer.MAX_VALUE) {
            throw new MalformedAudioException(Messages.format(
                    "malformed Ogg: the %s says a sample rate of %,d Hz", name, rate));
        }
        return codec;
    }

    private static String describe(String magic) {
        if (magic.startsWith("\u007fFLAC")) {
            return "FLAC (Ogg FLAC is not supported; send a plain .flac)";
        }
        if (magic.startsWith("Speex")) {
            return "Speex";
        }
        if (magic.startsWith("\u0080theora")) {
            return "Theora video";
        }
        return "an unknown codec";
    }

    private static String ascii(ByteBuffer b, int length) {
        byte[] bytes = new byte[Math.min(length, b.limit())];
        b.get(0, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
