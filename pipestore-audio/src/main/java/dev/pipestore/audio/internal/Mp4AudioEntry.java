package dev.pipestore.audio.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The first sample entry of an audio track's 'stsd' box: codec, sample rate and channels. For AAC the decoder
 * configuration in 'esds' wins over the entry's own fields, which muxers often fill with placeholders (ffmpeg writes
 * 2 channels for mono AAC).
 */
record Mp4AudioEntry(String codec, int sampleRate, int channels) {

    private static final int ENTRY_FIELDS = 28; // after the entry's 8-byte box header, before its child boxes
    private static final int QUICKTIME_V1_EXTRA = 16;
    private static final int QUICKTIME_V2_EXTRA = 36;

    /** Parses the body of an 'stsd' box held in memory; the caller bounded its size. */
    static Mp4AudioEntry read(ByteBuffer stsd) throws MalformedAudioException {
        try {
            return parse(stsd);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            // Every read below is within the buffer the stsd box declared; running off it means a child box lied.
            throw new MalformedAudioException("malformed MP4: the audio sample description is cut short");
        }
    }

    private static Mp4AudioEntry parse(ByteBuffer stsd) throws MalformedAudioException {
        if ((stsd.getInt(4) & 0xFFFFFFFFL) == 0) {
            throw new MalformedAudioException("malformed MP4: the audio track has no sample description");
        }
        int e = 8;
        long size = stsd.getInt(e) & 0xFFFFFFFFL;
        String type = fourCc(stsd, e + 4);
        if (size < 8 + ENTRY_FIELDS || size > stsd.limit() - e) {
            throw new MalformedAudioException("malformed MP4: the '" + type + "' sample entry has a bad size");
        }
        ByteBuffer entry = stsd.slice(e + 8, (int) size - 8);
        int version = entry.getShort(8) & 0xFFFF;
        int channels = entry.getShort(16) & 0xFFFF;
        long rate = (entry.getInt(24) & 0xFFFFFFFFL) >>> 16;
        int children = ENTRY_FIELDS;
        if (version == 1) {
            children += QUICKTIME_V1_EXTRA;
        } else if (version == 2) {
            rate = Math.round(Double.longBitsToDouble(entry.getLong(ENTRY_FIELDS + 4)));
            channels = entry.getInt(ENTRY_FIELDS + 12);
            children += QUICKTIME_V2_EXTRA;
        }
        Mp4AudioEntry fromEntry = new Mp4AudioEntry(codecOf(type), (int) Math.min(rate, Integer.MAX_VALUE),
                channels);
        Mp4AudioEntry better = switch (type) {
            case "mp4a" -> fromEsds(find(entry, children, "esds"), fromEntry);
            case "alac" -> fromAlac(find(entry, children, "alac"), fromEntry);
            default -> throw new MalformedAudioException("unsupported MP4 audio codec '" + type.strip()
                    + "': only AAC and ALAC are accepted");
        };
        if (better.sampleRate() <= 0 || better.channels() <= 0) {
            throw new MalformedAudioException(Messages.format("malformed MP4: the audio track says %d Hz and %d "
                    + "channels", better.sampleRate(), better.channels()));
        }
        return better;
    }

    private static Mp4AudioEntry fromEsds(ByteBuffer esds, Mp4AudioEntry fallback) throws MalformedAudioException {
        if (esds == null) {
            return fallback;
        }
        Mp4DecoderConfig config = Mp4DecoderConfig.parse(esds.position(4)); // skip version and flags
        if (config == null) {
            return fallback;
        }
        return new Mp4AudioEntry(config.codec(), config.sampleRate() > 0 ? config.sampleRate() : fallback.sampleRate,
                config.channels() > 0 ? config.channels() : fallback.channels);
    }

    /** ALAC's magic cookie: frame length, version, depth, three tuning bytes, channels at 13, ..., sample rate at 24. */
    private static Mp4AudioEntry fromAlac(ByteBuffer cookie, Mp4AudioEntry fallback) {
        if (cookie == null || cookie.limit() < 28) {
            return fallback;
        }
        return new Mp4AudioEntry("alac", cookie.getInt(24), cookie.get(13) & 0xFF);
    }

    private static ByteBuffer find(ByteBuffer parent, int offset, String type) {
        return find(parent, offset, type, true);
    }

    /** The body of the first child box of {@code type} from {@code offset}, and inside one QuickTime 'wave' level. */
    private static ByteBuffer find(ByteBuffer parent, int offset, String type, boolean intoWave) {
        int p = offset;
        while (parent.limit() - p >= 8) {
            long size = parent.getInt(p) & 0xFFFFFFFFL;
            if (size < 8 || size > parent.limit() - p) {
                return null;
            }
            String child = fourCc(parent, p + 4);
            ByteBuffer body = parent.slice(p + 8, (int) size - 8);
            if (child.equals(type)) {
                return body;
            }
            if (intoWave && child.equals("wave")) {
                ByteBuffer nested = find(body, 0, type, false);
                if (nested != null) {
                    return nested;
                }
            }
            p += (int) size;
        }
        return null;
    }

    private static String codecOf(String type) {
        return type.equals("mp4a") ? "aac" : type.strip().toLowerCase(Locale.ROOT);
    }

    private static String fourCc(ByteBuffer b, int offset) {
        byte[] bytes = new byte[4];
        b.get(offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
