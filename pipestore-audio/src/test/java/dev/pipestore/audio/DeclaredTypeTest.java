package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pipestore.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(AudioSamplesExtension.class)
class DeclaredTypeTest {

    private final AudioProbe probe = new AudioProbe();

    @Test
    void refusesMp3NamedWav(GeneratedSamples samples) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> probe.probe(samples.path(Sample.MP3_CBR), "interview.wav", null));

        assertThat(e.field()).isEqualTo("file");
        assertThat(e).hasMessage("file: interview.wav: content is MP3 but the name says .wav");
    }

    @Test
    void refusesWavSentAsMpeg(GeneratedSamples samples) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> probe.probe(samples.path(Sample.WAV_S16_MONO_16K), "interview.wav", "audio/mpeg"));

        assertThat(e.field()).isEqualTo("content_type");
        assertThat(e).hasMessage("content_type: interview.wav: content is WAV but the declared content type is "
                + "audio/mpeg");
    }

    @Test
    void refusesVorbisNamedOpus(GeneratedSamples samples) {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> probe.probe(samples.path(Sample.OGG_VORBIS), "talk.opus", "audio/ogg")))
                .hasMessageEndingWith("content is Ogg Vorbis but the name says .opus");
    }

    @Test
    void refusesAudioNamedForAnotherMediaFormat(GeneratedSamples samples) {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> probe.probe(samples.path(Sample.FLAC_STEREO_44K), "song.aiff", null)))
                .hasMessageEndingWith("content is FLAC but the name says .aiff");
    }

    @Test
    void refusesNonAudioContentType(GeneratedSamples samples) {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> probe.probe(samples.path(Sample.FLAC_STEREO_44K), "song.flac", "text/plain")))
                .hasMessageEndingWith("content is FLAC but the declared content type is text/plain");
    }

    @ParameterizedTest(name = "{0} as {1} / {2}")
    @CsvSource({
        "WAV_S16_MONO_16K, take.wav, audio/wav",
        "WAV_S16_MONO_16K, take.WAV, audio/x-wav",
        "WAV_S16_MONO_16K, take.wave, audio/wave",
        "MP3_CBR, take.mp3, audio/mpeg",
        "MP3_CBR, take.mp3, audio/mp3",
        "FLAC_STEREO_44K, take.flac, audio/flac",
        "FLAC_STEREO_44K, take.flac, audio/x-flac",
        "OGG_VORBIS, take.ogg, audio/ogg",
        "OGG_VORBIS, take.oga, application/ogg",
        "OPUS_MONO_16K, take.opus, audio/opus",
        "OPUS_MONO_16K, take.ogg, 'audio/ogg; codecs=opus'",
        "M4A_AAC_MONO_16K, take.m4a, audio/mp4",
        "M4A_AAC_MONO_16K, take.m4a, audio/m4a",
        "M4A_AAC_MONO_16K, take.m4a, audio/x-m4a",
        "M4A_AAC_MONO_16K, take.mp4, video/mp4",
        "M4A_AAC_MONO_16K, take.m4a, audio/aac",
        "AAC_ADTS, take.aac, audio/aac",
        "WAV_S16_MONO_16K, take.wav, application/octet-stream",
        "WAV_S16_MONO_16K, take, ",
        "WAV_S16_MONO_16K, upload.bin, AUDIO/WAV",
        "MP3_CBR, C:\\recordings\\take.mp3, audio/mpeg",
    })
    void acceptsHonestNamesAndCommonAliases(Sample sample, String name, String type, GeneratedSamples samples) {
        assertThat(probe.probe(samples.path(sample), name, type).format()).isEqualTo(sample.format);
    }
}
