package dev.pipestore.benchmarks.memory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a real mono 16-bit PCM WAV of any size up to 4 GiB to disk with a fixed 1-second buffer: a tone, not zeros,
 * so hashing and copying do the work they do on speech.
 */
public final class WavFile {

    private static final int HEADER_BYTES = 44;
    private static final int SAMPLE_RATE = 48_000;
    /** 440 Hz repeats exactly 440 times a second, so one second of samples tiles without a click. */
    private static final double TONE_HZ = 440;

    private WavFile() {}

    /** Writes a WAV of exactly {@code totalBytes} (even, at most 4 GiB) to {@code file}. */
    public static void write(Path file, long totalBytes) throws IOException {
        long dataBytes = totalBytes - HEADER_BYTES;
        if (dataBytes <= 0 || dataBytes % 2 != 0 || totalBytes - 8 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a 16-bit WAV cannot be " + totalBytes + " bytes");
        }
        byte[] second = oneSecond();
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header(dataBytes));
            for (long left = dataBytes; left > 0; ) {
                int n = (int) Math.min(left, second.length);
                out.write(second, 0, n);
                left -= n;
            }
        }
    }

    /** Seconds of audio in a WAV of {@code totalBytes} written by {@link #write}. */
    public static double seconds(long totalBytes) {
        return (totalBytes - HEADER_BYTES) / 2.0 / SAMPLE_RATE;
    }

    private static byte[] header(long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return header.array();
    }

    private static byte[] oneSecond() {
        ByteBuffer samples = ByteBuffer.allocate(SAMPLE_RATE * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < SAMPLE_RATE; i++) {
            samples.putShort((short) (Math.sin(2 * Math.PI * TONE_HZ * i / SAMPLE_RATE) * 8000));
        }
        return samples.array();
    }
}
