package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Channel counts that the obvious header field does not give: AAC layouts in a program config element, MP3 in MP4. */
@ExtendWith(AudioSamplesExtension.class)
class ChannelLayoutTest {

    private final AudioProbe probe = new AudioProbe();

    /** ffmpeg writes channel configuration 0 and a program config element for these layouts. */
    @ParameterizedTest(name = "{0} in {2}")
    @CsvSource({
        "quad, 4, m4a", "2.1, 3, m4a", "hexagonal, 6, m4a", "octagonal, 8, m4a",
        "quad, 4, aac", "2.1, 3, aac", "hexagonal, 6, aac", "octagonal, 8, aac",
    })
    void countsAacChannelsFromTheProgramConfigElement(String layout, int channels, String extension,
            GeneratedSamples samples) {
        Path file = samples.lavfi("layout_" + layout + "." + extension, "sine=d=3:r=48000", "-af",
                "aformat=channel_layouts=" + layout, "-c:a", "aac");

        assertThat(probe.probe(file).channels()).isEqualTo(channels);
    }

    @ParameterizedTest(name = "{0} channel(s)")
    @ValueSource(ints = {1, 2})
    void readsMp3InMp4ChannelsFromTheFirstFrameNotTheSampleEntry(int channels, GeneratedSamples samples) {
        Path file = samples.lavfi("mp3_in_mp4_" + channels + ".m4a", "sine=d=4.9:r=44100", "-ac",
                String.valueOf(channels), "-c:a", "libmp3lame", "-f", "mp4");

        AudioInfo info = probe.probe(file);

        assertThat(info.codec()).isEqualTo("mp3");
        assertThat(info.channels()).isEqualTo(channels);
    }
}
