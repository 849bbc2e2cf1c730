package dev.pipestore.testing.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Real audio for tests, made in memory: a 16-bit PCM WAV of a sine tone. */
public final class TestAudio {

    private TestAudio() {}

    /** A mono 16-bit WAV of {@code seconds} at {@code sampleRate}, with a tone so no two lengths share bytes. */
    public static byte[] wav(double seconds, int sampleRate) {
        return wav(seconds, sampleRate, 1, 440);
    }

    public static byte[] wav(double seconds, int sampleRate, int channels, double frequency) {
        int frames = (int) Math.round(seconds * sampleRate);
        int dataBytes = frames * channels * 2;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2)
                .putShort((short) (channels * 2)).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        ByteBuffer samples = ByteBuffer.allocate(dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short value = (short) (Math.sin(2 * Math.PI * frequency * i / sampleRate) * 8000);
            for (int c = 0; c < channels; c++) {
                samples.putShort(value);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + dataBytes);
        out.writeBytes(header.array());
        out.writeBytes(samples.array());
        return out.toByteArray();
    }
}
