package dev.pipestore.audio.internal;

import dev.pipestore.audio.AudioInfo;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Measures Ogg Vorbis and Ogg Opus: the first page's identification header gives the codec, rate and channels; the
 * length is the last page's granule position less the granule the audio starts at (see {@link OggStreamStart}) and
 * Opus's pre-skip. Only the header pages, the first audio page and the last page are read, and their CRCs are
 * checked. A file whose last page belongs to another stream than its first is chained, and {@link OggChain}
 * measures it link by link.
 */
final class OggProbe {

    /** How far back from the end to look for the stream's last page; one page is at most 65,307 bytes. */
    private static final long TAIL_SCAN = 1 << 20;
    private static final int CHUNK = 64 << 10;
    private static final int OPUS_RATE = 48_000;

    private OggProbe() {
    }

    static AudioInfo probe(ChannelInput in) throws IOException, MalformedAudioException {
        OggPage first = OggPage.read(in, 0);
        if (first == null) {
            throw new MalformedAudioException("malformed Ogg: no page header at the start");
        }
        first.check("first");
        if (!first.has(OggPage.BEGINNING)) {
            throw new MalformedAudioException("malformed Ogg: the first page does not begin a stream");
        }
        OggCodec codec = OggCodec.of(in, first);
        OggPage last = lastPage(in);
        double seconds;
        if (last.serial() != first.serial()) {
            seconds = OggChain.seconds(in, codec);
        } else if (!last.has(OggPage.END)) {
            throw new MalformedAudioException(Messages.format("truncated Ogg: the stream has no end-of-stream page "
                    + "(its last page is at byte %,d of %,d)", last.offset(), in.size()));
        } else {
            seconds = seconds(in, first, codec, last.granule());
        }
        AudioFormat format = codec.opus() ? AudioFormat.OPUS : AudioFormat.OGG;
        return new AudioInfo(format.id(), seconds, codec.sampleRate(), codec.channels(),
                codec.opus() ? "opus" : "vorbis");
    }

    /** The length of the stream that {@code bos} begins and whose last granule position is {@code lastGranule}. */
    static double seconds(ChannelInput in, OggPage bos, OggCodec codec, long lastGranule)
            throws IOException, MalformedAudioException {
        long start = OggStreamStart.of(in, bos, codec);
        long samples = lastGranule - start - codec.preSkip();
        if (lastGranule < 0 || samples < 0) {
            throw new MalformedAudioException(Messages.format("malformed Ogg: the last granule position %,d is "
                    + "before the start of the audio (granule %,d)", lastGranule, start + codec.preSkip()));
        }
        return samples / (double) (codec.opus() ? OPUS_RATE : codec.sampleRate());
    }

    /** The last page with a granule position, of whichever stream ends the file, searching back from the end. */
    private static OggPage lastPage(ChannelInput in) throws IOException, MalformedAudioException {
        long floor = Math.max(0, in.size() - TAIL_SCAN);
        long chunkEnd = in.size();
        while (chunkEnd > floor) {
            long chunkStart = Math.max(floor, chunkEnd - CHUNK);
            ByteBuffer chunk = in.read(chunkStart, (int) (chunkEnd - chunkStart + 3)); // overlap: "OggS" on a seam
            for (int i = chunk.limit() - 4; i >= 0; i--) {
                if (chunk.get(i) != 'O' || chunk.get(i + 1) != 'g' || chunk.get(i + 2) != 'g'
                        || chunk.get(i + 3) != 'S') {
                    continue;
                }
                OggPage page = OggPage.read(in, chunkStart + i);
                if (page == null) {
                    continue;
                }
                page.check("last");
                if (page.granule() != -1) {
                    return page;
                }
            }
            chunkEnd = chunkStart;
        }
        throw new MalformedAudioException(Messages.format(
                "malformed Ogg: no page of the audio stream in the last %,d bytes", in.size() - floor));
    }
}
