package dev.pipestore.audio.internal;

import dev.pipestore.audio.AudioInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Measures RIFF/WAVE files, including RF64/BW64 and streamed WAVs whose writer could not go back to fill in sizes:
 * the duration is the data size over the sample frame size, exact to the sample.
 */
final class WavProbe {

    /** A file with more chunks than this before its data is not a WAV anyone wrote on purpose. */
    private static final int MAX_CHUNKS = 10_000;
    private static final long FFFFFFFF = 0xFFFFFFFFL;
    /** What sox writes as the data size when its output is a pipe. */
    private static final long SOX_UNKNOWN = 0x7FFFF000L;
    private static final long HEADER = 12;
    /** Chunk ids common in WAV files, to tell a real chunk header from bytes that merely look like one. */
    private static final Set<String> KNOWN_CHUNKS = Set.of("data", "fmt ", "fact", "LIST", "JUNK", "PAD ", "bext",
            "id3 ", "ID3 ", "cue ", "smpl", "inst", "acid", "iXML", "ds64");

    private WavProbe() {
    }

    static AudioInfo probe(ChannelInput in) throws IOException, MalformedAudioException {
        ByteBuffer riff = in.readFully(0, 12, "WAV", "the RIFF header").order(ByteOrder.LITTLE_ENDIAN);
        boolean rf64 = !fourCc(riff, 0).equals("RIFF");
        long riffSize = riff.getInt(4) & FFFFFFFF;
        long ds64DataSize = -1;
        WavFormatChunk fmt = null;
        long factSamples = -1;
        long dataSize = -1;
        long pos = HEADER;
        long misaligned = -1; // the first chunk header whose id is not text, a sign the chunk walk went astray
        for (int chunks = 0; fmt == null || dataSize < 0; chunks++) {
            if (chunks == MAX_CHUNKS) {
                throw new MalformedAudioException(Messages.format("malformed WAV: no %s in the first %,d chunks",
                        fmt == null ? "fmt chunk" : "data chunk", MAX_CHUNKS));
            }
            if (in.remaining(pos) < 8 && misaligned >= 0) {
                throw new MalformedAudioException(Messages.format("malformed WAV: the chunk header at byte %,d does "
                        + "not line up (its id is not text), so the chunk before it has a wrong size or lacks its pad "
                        + "byte; no %s chunk was found", misaligned, fmt == null ? "fmt" : "data"));
            }
            if (in.remaining(pos) < 8) {
                throw new MalformedAudioException(Messages.format("truncated WAV: the file ends at byte %,d, before "
                        + "the %s chunk", in.size(), fmt == null ? "fmt" : "data"));
            }
            ByteBuffer header = in.readFully(pos, 8, "WAV", "a chunk header").order(ByteOrder.LITTLE_ENDIAN);
            String id = fourCc(header, 0);
            if (misaligned < 0 && !isFourCc(header)) {
                misaligned = pos;
            }
            long size = header.getInt(4) & FFFFFFFF;
            long body = pos + 8;
            switch (id) {
                case "ds64" -> ds64DataSize = readDs64DataSize(in, body, size);
                case "fmt " -> fmt = readFormat(in, body, size);
                case "fact" -> factSamples = in.readDeclared(body, 4, "WAV", "the fact chunk")
                        .order(ByteOrder.LITTLE_ENDIAN).getInt(0) & FFFFFFFF;
                case "data" -> {
                    size = dataSize(in, body, size, rf64, ds64DataSize, riffSize);
                    dataSize = size;
                }
                default -> { }
            }
            pos = nextChunk(in, body, size);
        }
        long rate = fmt.sampleRate();
        double seconds;
        long inBlocks = fmt.samplesInBlocks(dataSize);
        if (fmt.isFixedBlock()) {
            seconds = (dataSize / fmt.frameBytes()) / (double) rate;
        } else if (inBlocks >= 0) {
            // The fact chunk's count is exact when it fits the blocks; streaming writers leave a placeholder there
            // (sox: billions of samples), and some leave no fact chunk and a wrong byte rate (ffmpeg to a pipe).
            boolean factFits = factSamples >= 0 && Math.abs(factSamples - inBlocks) <= fmt.samplesPerBlock();
            seconds = (factFits ? factSamples : inBlocks) / (double) rate;
        } else if (factSamples >= 0 && (fmt.byteRate() == 0 || factSamples / (double) rate
                <= 2 * dataSize / (double) fmt.byteRate() + 1)) {
            seconds = factSamples / (double) rate; // compressed WAV: the fact chunk carries the sample count
        } else if (fmt.byteRate() > 0) {
            seconds = dataSize / (double) fmt.byteRate(); // no fact chunk, or one far longer than the data can hold
        } else {
            throw new MalformedAudioException("malformed WAV: compressed data without a fact chunk or a byte rate");
        }
        return new AudioInfo(AudioFormat.WAV.id(), seconds, (int) rate, fmt.channels(), fmt.codec());
    }

    private static long readDs64DataSize(ChannelInput in, long body, long size)
            throws IOException, MalformedAudioException {
        if (size < 16) {
            throw new MalformedAudioException(Messages.format("malformed WAV: the ds64 chunk is %,d bytes, shorter "
                    + "than the 16 it needs", size));
        }
        long dataSize = in.readFully(body, 16, "WAV", "the ds64 chunk").order(ByteOrder.LITTLE_ENDIAN).getLong(8);
        if (dataSize < 0) {
            throw new MalformedAudioException("malformed WAV: the ds64 chunk declares a negative data size");
        }
        return dataSize;
    }

    private static WavFormatChunk readFormat(ChannelInput in, long body, long size)
            throws IOException, MalformedAudioException {
        if (size < WavFormatChunk.MIN_SIZE) {
            throw new MalformedAudioException(Messages.format(
                    "malformed WAV: the fmt chunk is %,d bytes, shorter than the %d it needs", size,
                    WavFormatChunk.MIN_SIZE));
        }
        return WavFormatChunk.parse(in.readDeclared(body, Math.min(size, WavFormatChunk.EXTENSIBLE_SIZE), "WAV",
                "the fmt chunk"));
    }

    /** The data size in bytes, resolving RF64 and the placeholders streaming writers leave. */
    private static long dataSize(ChannelInput in, long body, long declared, boolean rf64, long ds64DataSize,
            long riffSize) throws IOException, MalformedAudioException {
        long available = in.remaining(body);
        if (rf64 && declared == FFFFFFFF) {
            if (ds64DataSize < 0) {
                throw new MalformedAudioException("malformed WAV: RF64 file without a ds64 chunk giving its size");
            }
            if (ds64DataSize == 0) {
                return available; // streamed RF64 (ffmpeg to a pipe): the ds64 sizes were never filled in
            }
            declared = ds64DataSize;
        } else if (declared == FFFFFFFF || declared == SOX_UNKNOWN && available < declared
                || declared == 0 && (riffSize == 0 || riffSize == FFFFFFFF)
                || declared == 0 && available > 0 && !chunkHeaderAt(in, body)) {
            // Streamed: the data runs to the end of the file. A data size of 0 followed by bytes that are not the
            // next chunk is a size the writer never filled in; ffmpeg reads those bytes as audio too.
            return available;
        }
        if (declared > available) {
            throw MalformedAudioException.truncated("WAV", "data chunk", declared, available);
        }
        return declared;
    }

    /**
     * The next chunk's offset; tolerates writers that forget the pad byte after an odd-sized chunk. The spec's padded
     * offset wins unless only the unpadded one holds a chunk header, or only it holds a chunk id we know: the low
     * byte of the next chunk's size can make the padded offset look like a header too.
     */
    private static long nextChunk(ChannelInput in, long body, long size) throws IOException {
        long next = body + size;
        if ((size & 1) == 0) {
            return next;
        }
        boolean padded = chunkHeaderAt(in, next + 1);
        boolean unpadded = chunkHeaderAt(in, next);
        if (unpadded && (!padded || KNOWN_CHUNKS.contains(fourCcAt(in, next))
                && !KNOWN_CHUNKS.contains(fourCcAt(in, next + 1)))) {
            return next;
        }
        return next + 1;
    }

    private static String fourCcAt(ChannelInput in, long pos) throws IOException {
        return fourCc(in.read(pos, 4), 0);
    }

    /**
     * Whether a chunk header starts at {@code pos}: a text id and a size that fits in the file, except for a data
     * chunk, whose size may be a streaming placeholder or say how long the file was before it was cut.
     */
    private static boolean chunkHeaderAt(ChannelInput in, long pos) throws IOException {
        ByteBuffer header = in.read(pos, 8).order(ByteOrder.LITTLE_ENDIAN);
        return header.remaining() == 8 && isFourCc(header)
                && (fourCc(header, 0).equals("data") || (header.getInt(4) & FFFFFFFF) <= in.remaining(pos + 8));
    }

    private static boolean isFourCc(ByteBuffer b) {
        if (b.remaining() < 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            int c = b.get(i) & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String fourCc(ByteBuffer b, int offset) {
        byte[] bytes = new byte[4];
        b.get(offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
