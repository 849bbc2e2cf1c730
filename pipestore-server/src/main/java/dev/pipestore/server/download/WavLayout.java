package dev.pipestore.server.download;

import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.server.problem.HttpProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a stored WAV file's samples are: its {@code fmt } chunk and the offset and length of its {@code data} chunk,
 * found by walking the RIFF chunks with range reads of the object, never reading the samples themselves.
 *
 * @param fmt the {@code fmt } chunk's body, copied as is into a clip's header
 * @param formatCode the sample format: 1 PCM, 3 float, 6 A-law, 7 mu-law (for WAVE_FORMAT_EXTENSIBLE, its sub-format)
 * @param sampleRate frames per second
 * @param blockAlign bytes per frame (all channels)
 * @param dataOffset where the first sample byte is in the object
 * @param dataSize sample bytes, clipped to what the object holds
 */
public record WavLayout(byte[] fmt, int formatCode, int sampleRate, int blockAlign, long dataOffset, long dataSize) {

    /** How much of the start of the file is read in one go; most headers fit many times over. */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final long UNKNOWN_32 = 0xFFFFFFFFL;

    /** Formats whose frames are fixed-size, so a byte offset of {@code frame * blockAlign} is a frame boundary. */
    public boolean cutsAtFrames() {
        return formatCode == 1 || formatCode == 3 || formatCode == 6 || formatCode == 7;
    }

    /**
     * Reads the layout of the WAV object at {@code key}.
     *
     * @throws HttpProblem 422 when the stored bytes are not a RIFF/RF64 WAVE file with a {@code fmt } and {@code data}
     */
    public static WavLayout read(ObjectStore objects, String key, long size) {
        Head head = new Head(objects, key, size);
        String riff = head.ascii(0, 4);
        if (!(riff.equals("RIFF") || riff.equals("RF64")) || !head.ascii(8, 4).equals("WAVE")) {
            throw notWav("no RIFF/WAVE header");
        }
        byte[] fmt = null;
        long ds64DataSize = -1;
        for (long offset = 12; offset + 8 <= size; ) {
            String id = head.ascii(offset, 4);
            long chunkSize = head.uint32(offset + 4);
            if (id.equals("ds64")) {
                ds64DataSize = head.int64(offset + 8 + 8);
            } else if (id.equals("fmt ")) {
                fmt = head.bytes(offset + 8, (int) Math.min(chunkSize, 1024));
            } else if (id.equals("data")) {
                if (fmt == null || fmt.length < 16) {
                    throw notWav("the data chunk comes before a complete fmt chunk");
                }
                long declared = chunkSize == UNKNOWN_32 && ds64DataSize >= 0 ? ds64DataSize : chunkSize;
                long dataSize = Math.min(declared, size - offset - 8);
                return of(fmt, offset + 8, dataSize);
            }
            offset += 8 + chunkSize + (chunkSize & 1);
        }
        throw notWav("no data chunk");
    }

    private static WavLayout of(byte[] fmt, long dataOffset, long dataSize) {
        ByteBuffer b = ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN);
        int code = b.getShort(0) & 0xffff;
        if (code == 0xFFFE && fmt.length >= 26) {
            code = b.getShort(24) & 0xffff;
        }
        int sampleRate = b.getInt(4);
        int blockAlign = b.getShort(12) & 0xffff;
        if (sampleRate <= 0 || blockAlign == 0) {
            throw notWav("the fmt chunk gives " + sampleRate + " Hz and " + blockAlign + " bytes per frame");
        }
        return new WavLayout(fmt, code, sampleRate, blockAlign, dataOffset, dataSize);
    }

    private static HttpProblem notWav(String why) {
        return HttpProblem.unprocessable("format", "the stored file is not a WAV file that can be cut: " + why);
    }

    /** The object's first bytes in memory, with range reads for chunk headers further on. */
    private static final class Head {
        private final ObjectStore objects;
        private final String key;
        private final long size;
        private final byte[] head;

        Head(ObjectStore objects, String key, long size) {
            this.objects = objects;
            this.key = key;
            this.size = size;
            this.head = fetch(0, (int) Math.min(size, HEAD_BYTES));
        }

        String ascii(long offset, int length) {
            return new String(bytes(offset, length), StandardCharsets.US_ASCII);
        }

        long uint32(long offset) {
            return ByteBuffer.wrap(bytes(offset, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt() & UNKNOWN_32;
        }

        long int64(long offset) {
            return ByteBuffer.wrap(bytes(offset, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }

        byte[] bytes(long offset, int length) {
            if (offset + length > size) {
                throw notWav("a chunk runs past the end of the file");
            }
            return offset + length <= head.length ? Arrays.copyOfRange(head, (int) offset, (int) offset + length)
                    : fetch(offset, length);
        }

        private byte[] fetch(long offset, int length) {
            try (InputStream in = objects.get(key, ByteRange.of(offset, offset + length - 1))) {
                return in.readNBytes(length);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the WAV header of " + key, e);
            }
        }
    }
}
