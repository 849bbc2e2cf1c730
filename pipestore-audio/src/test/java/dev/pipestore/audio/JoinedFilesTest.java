package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.pipestore.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files made by joining whole files end to end ({@code cat a b}), which players play through: the first part's
 * headers describe only the first part, so the probe must measure all of them.
 */
@ExtendWith(AudioSamplesExtension.class)
class JoinedFilesTest {

    /** Counting frames includes each part's encoder delay, padding and header frame. */
    private static final double FRAME_COUNT = 0.15;

    private final AudioProbe probe = new AudioProbe();

    @Test
    void measuresJoinedCbrMp3sPastTheFirstFilesInfoHeader(GeneratedSamples samples) {
        Path file = TestFiles.concat(samples.dir().resolve("joined_cbr.mp3"), cbrMp3(samples, 20), cbrMp3(samples, 30));

        assertThat(probe.probe(file).durationSeconds()).isCloseTo(50.0, within(FRAME_COUNT));
    }

    @Test
    void measuresCbrMp3JoinedWithVbrMp3(GeneratedSamples samples) {
        Path vbr = samples.lavfi("vbr30.mp3", "sine=f=300:d=30:r=44100", "-c:a", "libmp3lame", "-q:a", "4");
        Path file = TestFiles.concat(samples.dir().resolve("joined_vbr.mp3"), cbrMp3(samples, 20), vbr);

        assertThat(probe.probe(file).durationSeconds()).isCloseTo(50.0, within(FRAME_COUNT));
    }

    @Test
    void stillTrustsTheInfoHeaderOfASingleMp3WithATrailingTag(GeneratedSamples samples) {
        byte[] tag = new byte[128];
        tag[0] = 'T';
        tag[1] = 'A';
        tag[2] = 'G';
        Path tagged = TestFiles.write(samples.dir().resolve("tagged20.mp3"), tag);
        Path file = TestFiles.concat(samples.dir().resolve("single_tagged.mp3"), cbrMp3(samples, 20), tagged);

        // Exact to the sample: the gapless header is used, not a frame count.
        assertThat(probe.probe(file).durationSeconds()).isCloseTo(20.0, within(0.001));
    }

    @Test
    void addsUpTheLinksOfChainedOggVorbis(GeneratedSamples samples) {
        Path file = TestFiles.concat(samples.dir().resolve("chained.ogg"), vorbis(samples, 300), vorbis(samples, 500));

        assertThat(probe.probe(file).durationSeconds()).isCloseTo(10.0, within(0.001));
    }

    @Test
    void addsUpTheLinksOfChainedOggOpus(GeneratedSamples samples) {
        Path file = TestFiles.concat(samples.dir().resolve("chained.opus"), opus(samples, 300), opus(samples, 500));

        AudioInfo info = probe.probe(file);

        assertThat(info.format()).isEqualTo("opus");
        assertThat(info.durationSeconds()).isCloseTo(10.0, within(0.001));
    }

    @Test
    void measuresChainedOggWhoseLastLinkIsLongerThanTheTailSearch(GeneratedSamples samples) {
        // Noise at a high bitrate: the last link is over the 1 MiB the probe searches back for the last page.
        Path big = samples.lavfi("noise20.opus", "anoisesrc=d=20:r=48000", "-ac", "2", "-c:a", "libopus", "-b:a",
                "510k");
        assertThat(TestFiles.read(big).length).isGreaterThan(1 << 20);
        Path file = TestFiles.concat(samples.dir().resolve("chained_big.opus"), opus(samples, 300), big);

        assertThat(probe.probe(file).durationSeconds()).isCloseTo(25.0, within(0.001));
    }

    @Test
    void refusesChainedOggMixingVorbisAndOpus(GeneratedSamples samples) {
        Path file = TestFiles.concat(samples.dir().resolve("mixed.ogg"), vorbis(samples, 300), opus(samples, 500));

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> probe.probe(file)))
                .hasMessage("file: mixed.ogg: unsupported Ogg: chained streams mix Vorbis and Opus");
    }

    private static Path vorbis(GeneratedSamples samples, int frequency) {
        return samples.lavfi("link" + frequency + ".ogg", "sine=f=" + frequency + ":d=5:r=44100", "-c:a", "libvorbis");
    }

    private static Path opus(GeneratedSamples samples, int frequency) {
        return samples.lavfi("link" + frequency + ".opus", "sine=f=" + frequency + ":d=5:r=48000", "-c:a", "libopus");
    }

    private static Path cbrMp3(GeneratedSamples samples, int seconds) {
        return samples.lavfi("cbr" + seconds + ".mp3", "sine=f=300:d=" + seconds + ":r=44100", "-c:a", "libmp3lame",
                "-b:a", "64k");
    }
}
