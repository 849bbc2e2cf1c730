package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ogg streams whose granule positions do not start at 0: cut from a longer stream without re-encoding, or written
 * with a time offset. Their length is the last granule less the first, not the last granule.
 */
@ExtendWith(AudioSamplesExtension.class)
class CutOggStreamsTest {

    private final AudioProbe probe = new AudioProbe();

    @Test
    void measuresVorbisCutFromALongerStream(GeneratedSamples samples) {
        Path cut = cut(samples, whole(samples, "ogg", "libvorbis"), "cut.ogg");

        // ffprobe says 10.598 s: the cut starts at the page boundary before 20 s.
        assertThat(probe.probe(cut).durationSeconds()).isCloseTo(10.6, within(0.05));
    }

    @Test
    void measuresOpusCutFromALongerStream(GeneratedSamples samples) {
        Path cut = cut(samples, whole(samples, "opus", "libopus"), "cut.opus");

        assertThat(probe.probe(cut).durationSeconds()).isCloseTo(10.0, within(0.05));
    }

    @Test
    void measuresVorbisWrittenWithATimeOffset(GeneratedSamples samples) {
        Path file = samples.lavfi("offset.ogg", "sine=d=10:r=44100", "-c:a", "libvorbis", "-output_ts_offset", "10");

        assertThat(probe.probe(file).durationSeconds()).isCloseTo(10.0, within(0.01));
    }

    @Test
    void keepsTheExactLengthOfStreamsThatStartAtZero(GeneratedSamples samples) {
        assertThat(probe.probe(whole(samples, "ogg", "libvorbis")).durationSeconds()).isEqualTo(30.0);
        assertThat(probe.probe(whole(samples, "opus", "libopus")).durationSeconds()).isEqualTo(30.0);
    }

    /** The last 10 s of {@code source}, copied without re-encoding and keeping its timestamps. */
    private static Path cut(GeneratedSamples samples, Path source, String fileName) {
        return samples.ffmpeg(fileName, "-copyts", "-ss", "20", "-i", source.toString(), "-c", "copy");
    }

    private static Path whole(GeneratedSamples samples, String extension, String codec) {
        return samples.lavfi("whole30." + extension, "sine=d=30:r=" + (codec.equals("libopus") ? 48000 : 44100),
                "-c:a", codec);
    }
}
