package dev.pipestore.audio.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Tells the audio format from a file's first bytes (magic numbers), looking past leading ID3v2 tags. */
public final class FormatSniffer {

    /** Enough for every signature, including an Ogg first page's identification header. */
    public static final int HEAD_BYTES = 512;

    /** ISO-BMFF brands that mean a still image, not a movie or audio. */
    private static final Set<String> IMAGE_BRANDS = Set.of("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1",
            "avif", "avis");

    /** A detected format and the offset where its stream starts (after any ID3v2 tags). */
    public record Detected(AudioFormat format, long streamStart) {
    }

    private FormatSniffer() {
    }

    /** Detects the format of the file behind {@code in}. */
    public static Detected detect(ChannelInput in) throws IOException, MalformedAudioException {
        long start = Id3Tags.skipLeading(in, 0);
        ByteBuffer head = in.read(start, HEAD_BYTES);
        if (start > 0 && head.remaining() == 0) {
            throw new MalformedAudioException("not an audio file: it holds an ID3 tag and nothing after it");
        }
        return new Detected(sniff(toArray(head), start > 0), start);
    }

    /** Detects the format from a file's first bytes, the way {@code AudioProbe.detectFormat} documents. */
    public static AudioFormat detect(byte[] head) throws MalformedAudioException {
        long tag = Id3Tags.id3v2Length(ByteBuffer.wrap(head));
        if (tag > 0 && tag + 4 <= head.length) {
            byte[] rest = new byte[head.length - (int) tag];
            System.arraycopy(head, (int) tag, rest, 0, rest.length);
            return sniff(rest, true);
        }
        // A tag longer than the bytes given: MP3 is by far the commonest stream behind an ID3v2 tag.
        return tag > 0 ? AudioFormat.MP3 : sniff(head, false);
    }

    private static AudioFormat sniff(byte[] h, boolean afterTag) throws MalformedAudioException {
        if (h.length == 0) {
            throw new MalformedAudioException("zero-byte file");
        }
        String ascii = new String(h, 0, Math.min(h.length, 12), StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("RIFF") || ascii.startsWith("RF64") || ascii.startsWith("BW64")) {
            if (ascii.length() >= 12 && ascii.startsWith("WAVE", 8)) {
                return AudioFormat.WAV;
            }
            throw new MalformedAudioException(ascii.length() >= 12
                    ? "not an audio file: a RIFF '" + ascii.substring(8, 12).strip() + "' file, not WAVE"
                    : "truncated WAV: the RIFF header is cut short");
        }
        if (ascii.startsWith("fLaC")) {
            return AudioFormat.FLAC;
        }
        if (ascii.startsWith("OggS")) {
            return ogg(h);
        }
        if (ascii.length() >= 12 && ascii.startsWith("ftyp", 4)) {
            String brand = ascii.substring(8, 12);
            if (IMAGE_BRANDS.contains(brand)) {
                throw new MalformedAudioException("not an audio file: an image (ISO media brand '" + brand + "')");
            }
            return AudioFormat.M4A;
        }
        if (h.length >= 4 && (h[0] & 0xFF) == 0xFF) {
            int b1 = h[1] & 0xFF;
            if ((b1 & 0xF6) == 0xF0) {
                return AudioFormat.AAC;
            }
            if (MpegFrameHeader.parse(bigEndian(h)) != null) {
                return AudioFormat.MP3;
            }
            if (MpegFrameHeader.isFreeFormat(bigEndian(h))) {
                throw new MalformedAudioException("unsupported MP3: free-format bitrate (bitrate index 0), whose frames"
                        + " cannot be measured; re-encode it at a standard bitrate");
            }
        }
        if (afterTag) {
            return AudioFormat.MP3; // tools pad after ID3 tags; the MP3 probe searches for the first frame
        }
        throw new MalformedAudioException("not an audio file (" + NonAudio.describe(h) + ")");
    }

    /** Vorbis and Opus share the Ogg container; the first packet on the first page says which. */
    private static AudioFormat ogg(byte[] h) throws MalformedAudioException {
        if (h.length <= 26 || 27 + (h[26] & 0xFF) + 8 > h.length) {
            throw new MalformedAudioException("truncated Ogg: the first page is cut short");
        }
        int packet = 27 + (h[26] & 0xFF);
        String id = new String(h, packet, 8, StandardCharsets.ISO_8859_1);
        if (id.startsWith("\u0001vorbis")) {
            return AudioFormat.OGG;
        }
        if (id.equals("OpusHead")) {
            return AudioFormat.OPUS;
        }
        throw OggCodec.unsupported(id);
    }

    private static int bigEndian(byte[] h) {
        return (h[0] & 0xFF) << 24 | (h[1] & 0xFF) << 16 | (h[2] & 0xFF) << 8 | h[3] & 0xFF;
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }
}
