package dev.pipestore.audio;

import java.util.Objects;
import java.util.Set;

/**
 * What a probe measured about one audio file: its container format, precise duration, sample rate, channels and codec.
 *
 * @param format one of {@code wav}, {@code mp3}, {@code flac}, {@code ogg} (Vorbis in Ogg), {@code opus} (Opus in Ogg,
 *     whatever the file is named), {@code m4a} (AAC or ALAC in MP4) and {@code aac} (raw ADTS AAC)
 * @param durationSeconds playing time, as precise as the container allows (sample-exact for WAV, FLAC, Ogg and MP3
 *     with a LAME/Lavc gapless header)
 * @param sampleRate samples per second per channel, or null when the container does not say; for Opus this is the
 *     rate of the audio before encoding as recorded in OpusHead (Opus itself always decodes at 48 kHz)
 * @param channels channel count, or null when the container does not say
 * @param codec the encoding inside the container, named as ffprobe names it ({@code pcm_s16le}, {@code mp3},
 *     {@code flac}, {@code vorbis}, {@code opus}, {@code aac}, ...)
 */
public record AudioInfo(String format, double durationSeconds, Integer sampleRate, Integer channels, String codec) {

    /** Every value {@link #format()} can take. */
    public static final Set<String> FORMATS = Set.of("wav", "mp3", "flac", "ogg", "opus", "m4a", "aac");

    public AudioInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(codec, "codec");
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format must be one of " + FORMATS + ", was " + format);
        }
        if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must be finite and >= 0, was " + durationSeconds);
        }
        if (sampleRate != null && sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive, was " + sampleRate);
        }
        if (channels != null && channels <= 0) {
            throw new IllegalArgumentException("channels must be positive, was " + channels);
        }
    }

    /** The duration rounded to the nearest whole second, as the catalog's {@code duration_seconds} column keeps it. */
    public int roundedSeconds() {
        // Saturates rather than overflows: only a header lying about billions of seconds gets near the limit.
        return (int) Math.min(Integer.MAX_VALUE, Math.round(durationSeconds));
    }
}
