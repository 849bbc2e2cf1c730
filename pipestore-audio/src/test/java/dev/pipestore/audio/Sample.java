package dev.pipestore.audio;

import static dev.pipestore.audio.AudioTools.ffmpeg;

import java.nio.file.Path;

/**
 * Every real audio file the tests generate: how to make it with sox, ffmpeg or espeak-ng, and what a correct probe
 * reports for it. Durations are the generator's own length (sox synth), or soxi's measurement for speech.
 */
enum Sample {
    WAV_U8_MONO_8K("u8_mono_8k.wav", "wav", 8000, 1, "pcm_u8", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.sox(out, "-r", "8000", "-c", "1", "-b", "8")),
    WAV_S16_MONO_16K("s16_mono_16k.wav", "wav", 16000, 1, "pcm_s16le", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.sox(out, "-r", "16000", "-c", "1", "-b", "16")),
    WAV_S16_STEREO_44K("s16_stereo_44k.wav", "wav", 44100, 2, "pcm_s16le", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.sox(out, "-r", "44100", "-c", "2", "-b", "16")),
    /** sox writes WAVE_FORMAT_EXTENSIBLE for 24-bit. */
    WAV_S24_STEREO_48K("s24_stereo_48k.wav", "wav", 48000, 2, "pcm_s24le", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.sox(out, "-r", "48000", "-c", "2", "-b", "24")),
    WAV_F32_MONO_44K("f32_mono_44k.wav", "wav", 44100, 1, "pcm_f32le", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.sox(out, "-r", "44100", "-c", "1", "-e", "floating-point", "-b", "32")),
    /** ffmpeg writing to a pipe leaves the RIFF and data sizes at 0xFFFFFFFF. */
    WAV_STREAMED_BY_FFMPEG("streamed_ffmpeg.wav", "wav", 16000, 1, "pcm_s16le", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.toFile(out, ffmpeg("-i", s.path(WAV_S16_MONO_16K).toString(), "-f", "wav", "-"))),
    /**
     * sox writing an input of unknown length to a pipe (not to a file, where it goes back and fills in the sizes)
     * leaves the data size at 0x7FFFF000.
     */
    WAV_STREAMED_BY_SOX("streamed_sox.wav", "wav", 16000, 1, "pcm_s16le", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.toFile(out, "sh", "-c", "sox " + s.path(WAV_S16_MONO_16K) + " -t raw - | sox -t raw "
                    + "-r 16000 -e signed -b 16 -c 1 - -t wav - | cat")),
    WAV_RF64("rf64.wav", "wav", 44100, 2, "pcm_s16le", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.encode(WAV_S16_STEREO_44K, out, "-rf64", "always")),
    /** ffmpeg's RF64 to a pipe leaves the ds64 sizes at 0 and the data size at 0xFFFFFFFF. */
    WAV_RF64_STREAMED_BY_FFMPEG("rf64_streamed_ffmpeg.wav", "wav", 16000, 1, "pcm_s16le", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.toFile(out, ffmpeg("-i", s.path(WAV_S16_MONO_16K).toString(), "-rf64", "always", "-f", "wav",
                    "-"))),
    /** IMA ADPCM with its fact chunk: the exact sample count, where the blocks would round up to a whole block. */
    WAV_IMA_ADPCM("ima_adpcm.wav", "wav", 16000, 1, "adpcm_ima_wav", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.sox(out, "-r", "16000", "-c", "1", "-e", "ima-adpcm")),
    /** sox to a pipe: a placeholder of billions of samples in the fact chunk, and 0x7FFFF000 as the data size. */
    WAV_IMA_ADPCM_STREAMED_BY_SOX("ima_adpcm_streamed_sox.wav", "wav", 16000, 1, "adpcm_ima_wav", Truth.TONE,
            Tolerance.BLOCK, (s, out) -> s.toFile(out, "sh", "-c", "sox " + s.path(WAV_S16_MONO_16K) + " -t raw - | sox"
                    + " -t raw -r 16000 -e signed -b 16 -c 1 - -t wav -e ima-adpcm - | cat")),
    /** ffmpeg to a pipe: no fact chunk, sizes left at 0xFFFFFFFF, and a byte rate half again too high. */
    WAV_IMA_ADPCM_STREAMED_BY_FFMPEG("ima_adpcm_streamed_ffmpeg.wav", "wav", 16000, 1, "adpcm_ima_wav", Truth.TONE,
            Tolerance.BLOCK, (s, out) -> s.toFile(out, ffmpeg("-i", s.path(WAV_S16_MONO_16K).toString(), "-c:a",
                    "adpcm_ima_wav", "-f", "wav", "-"))),
    MP3_CBR("cbr.mp3", "mp3", 44100, 2, "mp3", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.encode(WAV_S16_STEREO_44K, out, "-c:a", "libmp3lame", "-b:a", "128k")),
    MP3_VBR_XING("vbr_xing.mp3", "mp3", 44100, 2, "mp3", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.encode(WAV_S16_STEREO_44K, out, "-c:a", "libmp3lame", "-q:a", "4")),
    /** The case jaudiotagger and ffprobe get wrong: VBR frames and no header counting them. */
    MP3_VBR_NO_XING_123S("vbr_no_xing_123s.mp3", "mp3", 44100, 2, "mp3", Truth.LONG, Tolerance.FRAMES,
            (s, out) -> s.encode(s.longNoise(), out, "-c:a", "libmp3lame", "-q:a", "4", "-write_xing", "0")),
    /** MPEG-2 layer III: 576 samples per frame. */
    MP3_MPEG2_MONO_16K("mpeg2_mono_16k.mp3", "mp3", 16000, 1, "mp3", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.encode(WAV_S16_MONO_16K, out, "-c:a", "libmp3lame", "-b:a", "32k")),
    /** MPEG-2.5 layer III, which only exists at 8, 11.025 and 12 kHz. */
    MP3_MPEG25_MONO_8K("mpeg25_mono_8k.mp3", "mp3", 8000, 1, "mp3", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.encode(WAV_U8_MONO_8K, out, "-c:a", "libmp3lame", "-b:a", "16k")),
    /** Layer II has no LAME header, so it is measured by counting frames. */
    MP2_LAYER2("layer2.mp3", "mp3", 44100, 2, "mp2", Truth.TONE, Tolerance.FRAMES,
            (s, out) -> s.encode(WAV_S16_STEREO_44K, out, "-c:a", "mp2", "-b:a", "192k", "-f", "mp2")),
    FLAC_STEREO_44K("stereo_44k.flac", "flac", 44100, 2, "flac", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.encode(WAV_S16_STEREO_44K, out)),
    FLAC_S24_48K("s24_48k.flac", "flac", 48000, 2, "flac", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.sox(out, "-r", "48000", "-c", "2", "-b", "24")),
    /** Written to a pipe, so STREAMINFO's total sample count stays 0 and the last frame tells the length. */
    FLAC_STREAMED("streamed.flac", "flac", 16000, 1, "flac", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.toFile(out, ffmpeg("-i", s.path(WAV_S16_MONO_16K).toString(), "-f", "flac", "-"))),
    OGG_VORBIS("vorbis.ogg", "ogg", 44100, 2, "vorbis", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.encode(WAV_S16_STEREO_44K, out, "-c:a", "libvorbis")),
    OPUS_MONO_16K("mono_16k.opus", "opus", 16000, 1, "opus", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.encode(WAV_S16_MONO_16K, out, "-c:a", "libopus")),
    OPUS_STEREO_IN_OGG("opus_stereo_48k.ogg", "opus", 48000, 2, "opus", Truth.TONE, Tolerance.EXACT,
            (s, out) -> s.encode(WAV_S24_STEREO_48K, out, "-c:a", "libopus")),
    /** ffmpeg's sample entry says 2 channels here; the AAC decoder configuration says 1. */
    M4A_AAC_MONO_16K("aac_mono_16k.m4a", "m4a", 16000, 1, "aac", Truth.TONE, Tolerance.MP4,
            (s, out) -> s.encode(WAV_S16_MONO_16K, out, "-c:a", "aac")),
    M4A_AAC_STEREO_FASTSTART("aac_stereo_faststart.m4a", "m4a", 44100, 2, "aac", Truth.TONE, Tolerance.MP4,
            (s, out) -> s.encode(WAV_S16_STEREO_44K, out, "-c:a", "aac", "-movflags", "+faststart")),
    M4A_ALAC("alac.m4a", "m4a", 44100, 2, "alac", Truth.TONE, Tolerance.MP4,
            (s, out) -> s.encode(WAV_S16_STEREO_44K, out, "-c:a", "alac")),
    AAC_ADTS("adts.aac", "aac", 44100, 2, "aac", Truth.TONE, Tolerance.FRAMES,
            (s, out) -> s.encode(WAV_S16_STEREO_44K, out, "-c:a", "aac")),
    SPEECH_WAV("speech.wav", "wav", 22050, 1, "pcm_s16le", Truth.SPEECH, Tolerance.EXACT,
            (s, out) -> s.speech(out)),
    SPEECH_MP3("speech.mp3", "mp3", 22050, 1, "mp3", Truth.SPEECH, Tolerance.EXACT,
            (s, out) -> s.encode(SPEECH_WAV, out, "-c:a", "libmp3lame", "-q:a", "5")),
    SPEECH_OPUS("speech.opus", "opus", 16000, 1, "opus", Truth.SPEECH, Tolerance.EXACT,
            (s, out) -> s.encode(SPEECH_WAV, out, "-ar", "16000", "-c:a", "libopus")),
    SPEECH_M4A("speech.m4a", "m4a", 22050, 1, "aac", Truth.SPEECH, Tolerance.MP4,
            (s, out) -> s.encode(SPEECH_WAV, out, "-c:a", "aac"));

    /** Where a sample's true duration comes from. */
    enum Truth { TONE, LONG, SPEECH }

    /** How close a probe must come, in seconds, by how exactly each container records length. */
    static final class Tolerance {
        /** Sample counts in the header (WAV, FLAC, Ogg granules, LAME gapless info): exact to the sample. */
        static final double EXACT = 0.001;
        /** MP4 edit lists are in the movie timescale, milliseconds for ffmpeg. */
        static final double MP4 = 0.002;
        /** Counting ADPCM blocks includes the last block's padding: up to one block (ffmpeg's: 2,041 samples). */
        static final double BLOCK = 0.13;
        /** Counting frames includes the encoder's priming and padding: up to about two frames. */
        static final double FRAMES = 0.1;

        private Tolerance() {
        }
    }

    /** Makes one sample file. */
    interface Recipe {
        void make(GeneratedSamples samples, Path out);
    }

    final String fileName;
    final String format;
    final int sampleRate;
    final int channels;
    final String codec;
    final Truth truth;
    final double tolerance;
    final Recipe recipe;

    Sample(String fileName, String format, int sampleRate, int channels, String codec, Truth truth, double tolerance,
            Recipe recipe) {
        this.fileName = fileName;
        this.format = format;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.codec = codec;
        this.truth = truth;
        this.tolerance = tolerance;
        this.recipe = recipe;
    }
}
