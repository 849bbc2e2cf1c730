package dev.pipestore.benchmarks.ingest;

import dev.pipestore.testing.audio.TestAudio;

/** Real mono 16-bit WAV files of a chosen size, so the probe does the same work it does for a caller's upload. */
public final class BenchAudio {

    private static final int HEADER_BYTES = 44;

    private BenchAudio() {}

    /** A WAV of as close to {@code bytes} as whole 16-bit frames allow, at {@code sampleRate}. */
    public static byte[] wavOfSize(long bytes, int sampleRate) {
        long frames = (bytes - HEADER_BYTES) / 2;
        byte[] wav = TestAudio.wav((double) frames / sampleRate, sampleRate);
        if (Math.abs(wav.length - bytes) > 2) {
            throw new IllegalStateException("asked for a " + bytes + "-byte WAV and got " + wav.length + " bytes");
        }
        return wav;
    }
}
