package dev.pipestore.server.download;

import dev.pipestore.InvalidInputException;
import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.server.problem.HttpProblem;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Collections;
import java.util.function.Function;

/**
 * A time range of a WAV file as a WAV file of its own, cut at frame boundaries without decoding: a fresh header (the
 * original {@code fmt } chunk, a {@code data} chunk of the clip's length) followed by one byte range of the original.
 *
 * @param header the new RIFF header
 * @param samples the byte range of the original holding the clip's frames
 * @param length bytes of the whole clip, header and pad byte included
 */
public record WavClip(byte[] header, ByteRange samples, long length) {

    /** The RIFF size field is 32 bits: a clip must fit in it. */
    private static final long MAX_RIFF = 0xFFFFFFFFL;

    /**
     * The clip from {@code start} to {@code end} seconds ({@code end} {@code null}: to the end of the audio); the end
     * is rounded up to a whole frame and clipped to the audio's end.
     */
    public static WavClip of(WavLayout wav, BigDecimal start, BigDecimal end) {
        if (!wav.cutsAtFrames()) {
            throw HttpProblem.unprocessable("format", String.format("WAV with sample format 0x%04X cannot be cut at frame"
                    + " boundaries without decoding; only PCM, float, A-law and mu-law WAV can be clipped", wav.formatCode()));
        }
        if (start.signum() < 0) {
            throw new InvalidInputException("start", "must be at least 0, got " + start.toPlainString());
        }
        if (end != null && end.compareTo(start) <= 0) {
            throw new InvalidInputException("end", "must be after start (" + start.toPlainString() + "), got " + end.toPlainString());
        }
        long frames = wav.dataSize() / wav.blockAlign();
        BigDecimal rate = BigDecimal.valueOf(wav.sampleRate());
        long first = start.multiply(rate).setScale(0, RoundingMode.FLOOR).min(BigDecimal.valueOf(frames)).longValueExact();
        long last = end == null ? frames : end.multiply(rate).setScale(0, RoundingMode.CEILING)
                .min(BigDecimal.valueOf(frames)).longValueExact();
        if (first >= frames) {
            throw new InvalidInputException("start", start.toPlainString() + " s is at or past the end of the audio ("
                    + BigDecimal.valueOf(frames).divide(rate, 3, RoundingMode.DOWN).toPlainString() + " s)");
        }
        long dataBytes = (last - first) * wav.blockAlign();
        byte[] header = header(wav.fmt(), dataBytes);
        long length = header.length + dataBytes + (dataBytes & 1);
        if (length - 8 > MAX_RIFF) {
            throw HttpProblem.unprocessable("end", "a clip of " + dataBytes + " bytes is too large for a WAV file; ask for less");
        }
        long firstByte = wav.dataOffset() + first * wav.blockAlign();
        return new WavClip(header, ByteRange.of(firstByte, firstByte + dataBytes - 1), length);
    }

    /** The whole clip: header, samples from {@code open}, and the pad byte RIFF wants after an odd-sized chunk. */
    public InputStream stream(Function<ByteRange, InputStream> open) {
        List<InputStream> parts = List.of(new ByteArrayInputStream(header), open.apply(samples),
                new ByteArrayInputStream(new byte[(int) ((samples.last() - samples.first() + 1) & 1)]));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private static byte[] header(byte[] fmt, long dataBytes) {
        int fmtPadded = fmt.length + (fmt.length & 1);
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtPadded + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (4 + 8 + fmtPadded + 8 + dataBytes + (dataBytes & 1)))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(fmt.length).put(fmt);
        if ((fmt.length & 1) == 1) {
            b.put((byte) 0);
        }
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return b.array();
    }
}
