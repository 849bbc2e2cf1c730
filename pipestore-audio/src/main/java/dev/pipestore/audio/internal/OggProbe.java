package dev.pipestore.audio.internal;

import dev.pipestore.audio.AudioInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Measures Ogg Vorbis and Ogg Opus: the first page's identification header gives the codec, rate and channels, the
 * last page's granule position gives the length. Only those pages are read, and their CRCs are checked.
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
        check(first, "first");
        if (!first.has(OggPage.BEGINNING)) {
            throw new MalformedAudioException("malformed Ogg: the first page does not begin a stream");
        }
        ByteBuffer id = in.read(first.offset() + first.headerLength(), Math.min(first.firstPacketLength(), 64))
                .order(ByteOrder.LITTLE_ENDIAN);
        OggCodec codec = OggCodec.identify(id);
        OggPage last = lastPage(in, first);
        if (!last.has(OggPage.END)) {
            throw new MalformedAudioException(Messages.format("truncated Ogg: the stream has no end-of-stream page "
                    + "(its last page is at byte %,d of %,d)", last.offset(), in.size()));
        }
        long samples = last.granule() - codec.preSkip();
        if (samples < 0) {
            throw new MalformedAudioException(Messages.format(
                    "malformed Ogg: the last granule position %,d is before the start of the audio", last.granule()));
        }
        int clockRate = codec.opus() ? OPUS_RATE : codec.sampleRate();
        AudioFormat format = codec.opus() ? AudioFormat.OPUS : AudioFormat.OGG;
        return new AudioInfo(format.id(), samples / (double) clockRate, codec.sampleRate(), codec.channels(),
                codec.opus() ? "opus" : "vorbis");
    }

    /** The last page of the first page's logical stream with a granule position, searching back from the end. */
    private static OggPage lastPage(ChannelInput in, OggPage first) throws IOException, MalformedAudioException {
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
                check(page, "last");
                if (page.serial() == first.serial() && page.granule() != -1) {
                    return page;
                }
            }
            chunkEnd = chunkStart;
        }
        throw new MalformedAudioException(Messages.format(
                "malformed Ogg: no page of the audio stream in the last %,d bytes", in.size() - floor));
    }

    private static void check(OggPage page, String which) throws MalformedAudioException {
        switch (page.status()) {
            case INCOMPLETE -> throw new MalformedAudioException(Messages.format(
                    "truncated Ogg: the %s page, at byte %,d, is cut off by the end of the file", which,
                    page.offset()));
            case BAD_CRC -> throw new MalformedAudioException(Messages.format(
                    "corrupt Ogg: the %s page, at byte %,d, fails its CRC check", which, page.offset()));
            case OK -> { }
        }
    }
}
