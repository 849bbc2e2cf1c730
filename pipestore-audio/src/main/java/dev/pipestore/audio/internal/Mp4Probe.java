package dev.pipestore.audio.internal;

import dev.pipestore.audio.AudioInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Measures MP4/M4A audio: walks the boxes down to the first sound track, takes its duration from the edit list (which
 * trims the encoder's priming samples) or the media header, and its rate and channels from the sample description.
 */
final class Mp4Probe {

    private static final int MAX_EDITS = 1_000;
    /** Audio comes first or second in real files; the cap bounds the work a crafted moov can cause. */
    private static final int MAX_TRACKS = 64;

    /** A timescale and a duration in it; the duration is -1 when unknown. */
    private record Timing(long timescale, long duration) {
        double seconds() {
            return duration / (double) timescale;
        }

        boolean known() {
            return timescale > 0 && duration >= 0;
        }
    }

    /**
     * The parts of a 'trak' box we need; editDuration is in the movie timescale, -1 without an edit list;
     * chunkOffsets is the 'stco' or 'co64' box, or null.
     */
    private record Track(String handler, Timing media, long editDuration, Mp4Box stsd, Mp4Box chunkOffsets) {
    }

    private Mp4Probe() {
    }

    static AudioInfo probe(ChannelInput in) throws IOException, MalformedAudioException {
        List<Mp4Box> top = Mp4Box.children(in, 0, in.size(), "the file");
        Mp4Box moov = find(top, "moov");
        List<Mp4Box> movie = moov == null ? List.of() : Mp4Box.children(in, moov.body(), moov.end(), "moov");
        if (find(top, "moof") != null || find(movie, "mvex") != null) {
            throw new MalformedAudioException("unsupported MP4: fragmented MP4 (moof boxes) is not supported; "
                    + "remux it to a regular MP4, e.g. with ffmpeg -c copy");
        }
        if (moov == null) {
            throw new MalformedAudioException("incomplete MP4: there is no moov box (the file is cut short, or the "
                    + "recording was never finalised)");
        }
        Mp4Box mvhd = find(movie, "mvhd");
        Timing movieTiming = mvhd == null ? new Timing(0, -1) : timing(in, mvhd);
        Track track = null;
        int tracks = 0;
        for (Mp4Box box : movie) {
            if (box.type().equals("trak") && tracks++ < MAX_TRACKS) {
                Track candidate = track(in, box);
                if (candidate.handler().equals("soun")) {
                    track = candidate;
                    break;
                }
            }
        }
        if (track == null || track.stsd() == null) {
            throw new MalformedAudioException("not an audio file: the MP4 has no audio track");
        }
        double seconds;
        if (track.editDuration() >= 0 && movieTiming.timescale() > 0 && !editsOutlastMedia(track, movieTiming)) {
            seconds = track.editDuration() / (double) movieTiming.timescale();
        } else if (track.media().known()) {
            seconds = track.media().seconds();
        } else if (movieTiming.known()) {
            seconds = movieTiming.seconds();
        } else {
            throw new MalformedAudioException("malformed MP4: neither the movie nor the audio track has a duration");
        }
        Mp4AudioEntry entry = Mp4AudioEntry.read(in.readDeclared(track.stsd().body(), track.stsd().bodySize(),
                "MP4", "the stsd box"));
        int channels = entry.codec().equals("mp3") ? mp3Channels(in, track.chunkOffsets(), entry.channels())
                : entry.channels();
        return new AudioInfo(AudioFormat.M4A.id(), seconds, entry.sampleRate(), channels, entry.codec());
    }

    /**
     * Whether the edit list presents more than the track holds: edits only cut and place the media, so that is a
     * damaged edit list (a flipped byte made one 2 s file 36 days long), and the media's own duration is the truth.
     * One tick of either timescale is rounding.
     */
    private static boolean editsOutlastMedia(Track track, Timing movie) {
        if (!track.media().known()) {
            return false;
        }
        double slack = 1.0 / movie.timescale() + 1.0 / track.media().timescale();
        return track.editDuration() / (double) movie.timescale() > track.media().seconds() + slack;
    }

    /**
     * MP3 in MP4 has no decoder configuration giving its channels, and the sample entry's count is a placeholder
     * (ffmpeg writes 2 for mono), so the first MP3 frame's header decides; {@code fallback} if it cannot be read.
     */
    private static int mp3Channels(ChannelInput in, Mp4Box chunkOffsets, int fallback)
            throws IOException, MalformedAudioException {
        boolean co64 = chunkOffsets != null && chunkOffsets.type().equals("co64");
        if (chunkOffsets == null || chunkOffsets.bodySize() < (co64 ? 16 : 12)) {
            return fallback;
        }
        ByteBuffer b = in.readDeclared(chunkOffsets.body(), co64 ? 16 : 12, "MP4",
                "the " + chunkOffsets.type() + " box");
        long firstChunk = co64 ? b.getLong(8) : b.getInt(8) & 0xFFFFFFFFL;
        if (b.getInt(4) == 0 || firstChunk < 0) {
            return fallback;
        }
        ByteBuffer bits = in.read(firstChunk, 4);
        MpegFrameHeader header = bits.remaining() < 4 ? null : MpegFrameHeader.parse(bits.getInt(0));
        return header == null ? fallback : header.mono() ? 1 : 2;
    }

    private static Track track(ChannelInput in, Mp4Box trak) throws IOException, MalformedAudioException {
        List<Mp4Box> parts = Mp4Box.children(in, trak.body(), trak.end(), "trak");
        List<Mp4Box> media = children(in, find(parts, "mdia"));
        List<Mp4Box> edits = children(in, find(parts, "edts"));
        List<Mp4Box> table = children(in, find(children(in, find(media, "minf")), "stbl"));
        Mp4Box hdlr = find(media, "hdlr");
        Mp4Box mdhd = find(media, "mdhd");
        String handler = hdlr == null || hdlr.bodySize() < 12 ? "" : fourCc(in.readDeclared(hdlr.body(), 12, "MP4", "the hdlr box"), 8);
        Mp4Box elst = find(edits, "elst");
        return new Track(handler, mdhd == null ? new Timing(0, -1) : timing(in, mdhd),
                elst == null ? -1 : editDuration(in, elst), find(table, "stsd"),
                find(table, "stco") != null ? find(table, "stco") : find(table, "co64"));
    }

    /** Reads an mvhd or mdhd box: both keep timescale and duration at the same places. */
    private static Timing timing(ChannelInput in, Mp4Box box) throws IOException, MalformedAudioException {
        ByteBuffer b = in.readDeclared(box.body(), Math.min(box.bodySize(), 32), "MP4", "the " + box.type() + " box");
        boolean v1 = b.limit() > 0 && b.get(0) == 1;
        if (b.limit() < (v1 ? 32 : 20)) {
            throw new MalformedAudioException("malformed MP4: the " + box.type() + " box is cut short");
        }
        long timescale = b.getInt(v1 ? 20 : 12) & 0xFFFFFFFFL;
        long duration = v1 ? b.getLong(24) : b.getInt(16) & 0xFFFFFFFFL;
        boolean unknown = v1 ? duration < 0 : duration == 0xFFFFFFFFL;
        return new Timing(timescale, unknown ? -1 : duration);
    }

    /** Total presented duration of an edit list in the movie timescale; empty edits (media time -1) are gaps. */
    private static long editDuration(ChannelInput in, Mp4Box elst) throws IOException, MalformedAudioException {
        ByteBuffer b = in.readDeclared(elst.body(), Math.min(elst.bodySize(), 8 + 20L * MAX_EDITS), "MP4",
                "the elst box");
        if (b.limit() < 8) {
            return -1;
        }
        boolean v1 = b.get(0) == 1;
        int entrySize = v1 ? 20 : 12;
        long count = Math.min(b.getInt(4) & 0xFFFFFFFFL, (b.limit() - 8) / entrySize);
        long total = 0;
        for (int i = 0; i < count; i++) {
            int p = 8 + i * entrySize;
            long segment = v1 ? b.getLong(p) : b.getInt(p) & 0xFFFFFFFFL;
            long mediaTime = v1 ? b.getLong(p + 8) : b.getInt(p + 4);
            if (segment < 0 || total > Long.MAX_VALUE - segment) {
                throw new MalformedAudioException("malformed MP4: the edit list's durations overflow");
            }
            if (mediaTime != -1) {
                total += segment;
            }
        }
        return count == 0 || total == 0 ? -1 : total;
    }

    private static List<Mp4Box> children(ChannelInput in, Mp4Box box) throws IOException, MalformedAudioException {
        return box == null ? List.of() : Mp4Box.children(in, box.body(), box.end(), box.type());
    }

    private static Mp4Box find(List<Mp4Box> boxes, String type) {
        return boxes.stream().filter(b -> b.type().equals(type)).findFirst().orElse(null);
    }

    private static String fourCc(ByteBuffer b, int offset) {
        byte[] bytes = new byte[4];
        b.get(offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
