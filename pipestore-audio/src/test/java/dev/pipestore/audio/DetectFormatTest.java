package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pipestore.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(AudioSamplesExtension.class)
class DetectFormatTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sample.class)
    void detectsFormatFromTheFirst512Bytes(Sample sample, GeneratedSamples samples) {
        byte[] head = Arrays.copyOf(TestFiles.read(samples.path(sample)), 512);

        assertThat(AudioProbe.detectFormat(head)).isEqualTo(sample.format);
    }

    @Test
    void assumesMp3BehindAnId3TagLongerThanTheBytesGiven() {
        byte[] head = {'I', 'D', '3', 4, 0, 0, 0, 0, 0x10, 0, 0, 0};

        assertThat(AudioProbe.detectFormat(head)).isEqualTo("mp3");
    }

    @Test
    void refusesNonAudioNamingWhatItStartsWith() {
        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> AudioProbe.detectFormat(pdf)))
                .hasMessage("file: not an audio file (starts with %PDF)");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> AudioProbe.detectFormat(png)))
                .hasMessage("file: not an audio file (starts with bytes 89 50 4e 47)");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> AudioProbe.detectFormat(new byte[0])))
                .hasMessage("file: zero-byte file");
    }
}
