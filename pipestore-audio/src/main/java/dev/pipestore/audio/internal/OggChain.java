package dev.pipestore.audio.internal;

import java.io.IOException;

/**
 * Measures a chained Ogg file: whole Ogg streams joined end to end ({@code cat a.ogg b.ogg}), which players play one
 * after another. Where the links meet is known only by walking the file page by page, so it reads every page's
 * header and skips its body: many small reads, but memory stays flat however long the file is.
 */
final class OggChain {

    private OggChain() {
    }

    /** The links' lengths added up; every link must be the same codec as the first, {@code firstCodec}. */
    static double seconds(ChannelInput in, OggCodec firstCodec) throws IOException, MalformedAudioException {
        double seconds = 0;
        OggPage bos = null;
        OggCodec codec = null;
        long lastGranule = -1;
        boolean ended = true;
        for (long pos = 0; pos < in.size(); ) {
            OggPage page = OggPage.readHeader(in, pos);
            if (page == null) {
                throw new MalformedAudioException(Messages.format("malformed Ogg: chained streams, but no page "
                        + "header at byte %,d, where the page before it ends", pos));
            }
            page.check("last"); // only a page cut off by the end of the file fails here
            if (page.has(OggPage.BEGINNING)) {
                if (!ended) {
                    throw new MalformedAudioException(Messages.format("unsupported Ogg: a stream begins at byte "
                            + "%,d before the one before it has ended (several streams at once, or a chained file "
                            + "with a link cut short)", pos));
                }
                bos = page;
                codec = OggCodec.of(in, page);
                if (codec.opus() != firstCodec.opus()) {
                    throw new MalformedAudioException("unsupported Ogg: chained streams mix Vorbis and Opus");
                }
                lastGranule = -1;
                ended = false;
            } else if (ended || page.serial() != bos.serial()) {
                throw new MalformedAudioException(Messages.format("malformed Ogg: the page at byte %,d belongs to "
                        + "no stream that is open there", pos));
            }
            if (page.granule() != -1) {
                lastGranule = page.granule();
            }
            if (page.has(OggPage.END)) {
                seconds += OggProbe.seconds(in, bos, codec, lastGranule);
                ended = true;
            }
            pos = page.end();
        }
        if (!ended) {
            throw new MalformedAudioException("truncated Ogg: the last stream of the chained file has no "
                    + "end-of-stream page");
        }
        return seconds;
    }
}
