package dev.pipestore.audio.internal;

import dev.pipestore.audio.AudioInfo;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Measures FLAC files from STREAMINFO, and checks the last frame against it: a file cut short is refused, and a
 * streamed FLAC whose STREAMINFO does not know its length is measured from the last frame's position instead.
 */
final class FlacProbe {

    private static final int MAX_BLOCKS = 1_000;
    private static final int STREAMINFO = 0;
    private static final int INVALID = 127;

    private FlacProbe() {
    }

    static AudioInfo probe(ChannelInput in, long start) throws IOException, MalformedAudioException {
        FlacStreamInfo info = null;
        long pos = start + 4; // past "fLaC"
        boolean last = false;
        for (int block = 0; !last; block++) {
            if (block == MAX_BLOCKS) {
                throw new MalformedAudioException(Messages.format(
                        "malformed FLAC: more than %,d metadata blocks", MAX_BLOCKS));
            }
            ByteBuffer header = in.readFully(pos, 4, "FLAC", "a metadata block header");
            int type = header.get(0) & 0x7F;
            last = (header.get(0) & 0x80) != 0;
            long length = header.getInt(0) & 0xFFFFFF;
            if (length > in.remaining(pos + 4)) {
                throw MalformedAudioException.truncated("FLAC", Messages.format(
                        "the metadata block at byte %,d", pos), length, in.remaining(pos + 4));
            }
            if (block == 0) {
                if (type != STREAMINFO || length < FlacStreamInfo.SIZE) {
                    throw new MalformedAudioException("malformed FLAC: the first metadata block is not STREAMINFO");
                }
                info = FlacStreamInfo.parse(in.readFully(pos + 4, FlacStreamInfo.SIZE, "FLAC", "STREAMINFO"));
            } else if (type == INVALID) {
                throw new MalformedAudioException(Messages.format(
                        "malformed FLAC: invalid metadata block type at byte %,d", pos));
            }
            pos += 4 + length;
        }
        long end = Id3Tags.audioEnd(in, pos);
        if (pos >= end) {
            throw new MalformedAudioException(info.totalSamples() > 0
                    ? Messages.format("truncated FLAC: STREAMINFO declares %,d samples but no audio frames follow",
                            info.totalSamples())
                    : "malformed FLAC: the file holds no audio frames");
        }
        long framesEnd = FlacLastFrame.endSample(in, pos, end, info);
        if (info.totalSamples() > 0 && framesEnd < info.totalSamples()) {
            throw new MalformedAudioException(Messages.format(
                    "truncated FLAC: STREAMINFO declares %,d samples but the frames end at sample %,d",
                    info.totalSamples(), framesEnd));
        }
        long samples = info.totalSamples() > 0 ? info.totalSamples() : framesEnd;
        return new AudioInfo(AudioFormat.FLAC.id(), samples / (double) info.sampleRate(), info.sampleRate(),
                info.channels(), "flac");
    }
}
