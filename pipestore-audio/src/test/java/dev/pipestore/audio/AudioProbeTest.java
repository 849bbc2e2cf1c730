package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(AudioSamplesExtension.class)
class AudioProbeTest {

    private final AudioProbe probe = new AudioProbe();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sample.class)
    void measuresFormatDurationRateAndChannelsOfRealFiles(Sample sample, GeneratedSamples samples) {
        AudioInfo info = probe.probe(samples.path(sample), sample.fileName, null);

        assertThat(info.format()).isEqualTo(sample.format);
        assertThat(info.durationSeconds()).isCloseTo(samples.seconds(sample), within(sample.tolerance));
        assertThat(info.sampleRate()).isEqualTo(sample.sampleRate);
        assertThat(info.channels()).isEqualTo(sample.channels);
        assertThat(info.codec()).isEqualTo(sample.codec);
        assertThat(info.roundedSeconds()).isEqualTo((int) Math.round(samples.seconds(sample)));
    }

    @Test
    void measuresVbrMp3WithoutXingHeaderByScanningFrames(GeneratedSamples samples) {
        Path file = samples.path(Sample.MP3_VBR_NO_XING_123S);
        byte[] head = Arrays.copyOf(TestFiles.read(file), 8192);
        assertThat(TestFiles.indexOf(head, "Xing", 0)).as("no Xing header").isNegative();
        assertThat(TestFiles.indexOf(head, "Info", 0)).as("no Info header").isNegative();
        assertThat(TestFiles.indexOf(head, "VBRI", 0)).as("no VBRI header").isNegative();

        // jaudiotagger reads ~21 s and ffprobe ~118 s here; counting the frames gives the true 123 s.
        assertThat(probe.probe(file).durationSeconds()).isCloseTo(123.0, within(0.1));
    }

    @Test
    void readsMonoFromAacConfigWhereTheSampleEntrySaysStereo(GeneratedSamples samples) {
        byte[] bytes = TestFiles.read(samples.path(Sample.M4A_AAC_MONO_16K));
        int entry = TestFiles.indexOf(bytes, "mp4a", 0);
        assertThat(ByteBuffer.wrap(bytes).getShort(entry + 4 + 16)).as("ffmpeg's placeholder channel count")
                .isEqualTo((short) 2);

        assertThat(probe.probe(samples.path(Sample.M4A_AAC_MONO_16K)).channels()).isEqualTo(1);
    }

    /** ADPCM blocks decode to what their size says; a damaged count in the fmt chunk does not change the length. */
    @Test
    void measuresAdpcmFromItsBlockSizeWhateverTheFmtChunkCountSays(GeneratedSamples samples) {
        byte[] bytes = TestFiles.read(samples.path(Sample.WAV_IMA_ADPCM_STREAMED_BY_FFMPEG));
        int fmt = TestFiles.indexOf(bytes, "fmt ", 12);
        ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(fmt + 8 + 18, (short) 4);

        AudioInfo info = probe.probe(TestFiles.write(samples.dir().resolve("damaged-count.wav"), bytes));

        assertThat(info.durationSeconds()).isCloseTo(GeneratedSamples.TONE_SECONDS, within(Sample.Tolerance.BLOCK));
    }

    /** A damaged edit list (here a flipped top byte) would make a 7 s file days long; the track's media says 7 s. */
    @Test
    void measuresM4aFromItsMediaWhenTheEditListOutlastsIt(GeneratedSamples samples) {
        byte[] bytes = TestFiles.read(samples.path(Sample.M4A_AAC_STEREO_FASTSTART));
        int elst = TestFiles.indexOf(bytes, "elst", 0);
        assertThat(elst).as("an edit list").isPositive();
        bytes[elst + 4 + 4 + 4] = (byte) 0xBB; // the first edit's duration, version 0: 32 bits after the entry count

        AudioInfo info = probe.probe(TestFiles.write(samples.dir().resolve("long-edit.m4a"), bytes));

        assertThat(info.durationSeconds()).isCloseTo(GeneratedSamples.TONE_SECONDS, within(Sample.Tolerance.FRAMES));
    }

    @Test
    void measuresStreamedFlacWhoseStreamInfoHasNoSampleCountFromItsLastFrame(GeneratedSamples samples) {
        byte[] bytes = TestFiles.read(samples.path(Sample.FLAC_STREAMED));
        long packed = ByteBuffer.wrap(bytes).getLong(8 + 10);
        assertThat(packed & 0xF_FFFF_FFFFL).as("STREAMINFO total samples").isZero();

        assertThat(probe.probe(samples.path(Sample.FLAC_STREAMED)).durationSeconds()).isCloseTo(7.3, within(1e-9));
    }

    @Test
    void measuresStreamedWavWhoseSizesAreLeftUnset(GeneratedSamples samples) {
        byte[] bytes = TestFiles.read(samples.path(Sample.WAV_STREAMED_BY_FFMPEG));
        int data = TestFiles.indexOf(bytes, "data", 12);
        assertThat(ByteBuffer.wrap(bytes).getInt(data + 4)).as("data size").isEqualTo(-1);

        assertThat(probe.probe(samples.path(Sample.WAV_STREAMED_BY_FFMPEG)).durationSeconds())
                .isCloseTo(7.3, within(1e-9));
    }

    @Test
    void reportsOpusInAFileNamedOggAsOpus(GeneratedSamples samples) {
        AudioInfo info = probe.probe(samples.path(Sample.OPUS_STEREO_IN_OGG), "meeting.ogg", "audio/ogg");

        assertThat(info.format()).isEqualTo("opus");
        assertThat(info.durationSeconds()).isCloseTo(7.3, within(0.001));
    }

    @Test
    void measuresWavWhoseDataSizeWasLeftZeroFromTheBytesAfterIt(@TempDir Path dir) {
        byte[] oneSecond = new byte[16000 * 2];
        byte[] wav = new TestFiles.Riff("RIFF", 36 + oneSecond.length).pcmFormat(1, 16000, 16).chunkHeader("data", 0)
                .bytes(oneSecond).build();

        assertThat(probe.probe(TestFiles.write(dir.resolve("unset.wav"), wav)).durationSeconds()).isEqualTo(1.0);
    }

    @Test
    void measuresAnEmptyDataChunkFollowedByAnotherChunkAsEmpty(@TempDir Path dir) {
        byte[] wav = new TestFiles.Riff("RIFF", 48).pcmFormat(1, 16000, 16).chunkHeader("data", 0)
                .chunkHeader("LIST", 4).bytes("INFO".getBytes(StandardCharsets.US_ASCII)).build();

        assertThat(probe.probe(TestFiles.write(dir.resolve("empty.wav"), wav)).durationSeconds()).isZero();
    }

    @Test
    void skipsOddSizedChunksWithOrWithoutTheirPadByte(@TempDir Path dir) {
        byte[] samplesData = new byte[16000 * 2]; // one second of 16-bit mono at 16 kHz
        for (boolean padded : new boolean[] {true, false}) {
            TestFiles.Riff riff = new TestFiles.Riff("RIFF", 0).pcmFormat(1, 16000, 16)
                    .chunkHeader("LIST", 5).bytes(new byte[] {'I', 'N', 'F', 'O', 'x'});
            if (padded) {
                riff.zeros(1);
            }
            Path file = TestFiles.write(dir.resolve("odd" + padded + ".wav"),
                    riff.chunkHeader("data", samplesData.length).bytes(samplesData).build());

            AudioInfo info = probe.probe(file);

            assertThat(info.durationSeconds()).as("padded=%s", padded).isEqualTo(1.0);
        }
    }

    @Test
    void skipsAnUnpaddedOddChunkEvenWhenTheNextSizeEndsInALetter(@TempDir Path dir) {
        // 8,001 = 0x1F41: read one byte late, the data header looks like a chunk "ataA" of 31 bytes.
        byte[] wav = new TestFiles.Riff("RIFF", 0).pcmFormat(1, 8000, 8).chunkHeader("LIST", 5)
                .bytes(new byte[] {'I', 'N', 'F', 'O', 'x'}).chunkHeader("data", 8001).zeros(8001).build();

        assertThat(probe.probe(TestFiles.write(dir.resolve("odd.wav"), wav)).durationSeconds())
                .isEqualTo(8001 / 8000.0);
    }

    @Test
    void skipsId3v2TagsWithFooterAndTrailingApeAndId3v1Tags(GeneratedSamples samples) {
        byte[] mp3 = TestFiles.read(samples.path(Sample.MP3_VBR_NO_XING_123S));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // An ID3v2.4 tag with the footer flag: 10-byte header, 100 bytes of padding, 10-byte "3DI" footer.
        out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0x10, 0, 0, 0, 100});
        out.writeBytes(new byte[100]);
        out.writeBytes(new byte[] {'3', 'D', 'I', 4, 0, 0x10, 0, 0, 0, 100});
        out.writeBytes(mp3);
        out.writeBytes(apeTag());
        byte[] id3v1 = new byte[128];
        id3v1[0] = 'T';
        id3v1[1] = 'A';
        id3v1[2] = 'G';
        out.writeBytes(id3v1);
        Path file = TestFiles.write(samples.dir().resolve("tagged.mp3"), out.toByteArray());

        assertThat(probe.probe(file).durationSeconds())
                .isEqualTo(probe.probe(samples.path(Sample.MP3_VBR_NO_XING_123S)).durationSeconds());
    }

    @Test
    void looksPastAnId3v2TagInFrontOfFlac(GeneratedSamples samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 1, 0}); // ID3v2.3, 128 bytes of padding
        out.writeBytes(new byte[128]);
        out.writeBytes(TestFiles.read(samples.path(Sample.FLAC_STEREO_44K)));
        Path file = TestFiles.write(samples.dir().resolve("tagged.flac"), out.toByteArray());

        AudioInfo info = probe.probe(file, "tagged.flac", "audio/flac");

        assertThat(info.format()).isEqualTo("flac");
        assertThat(info.durationSeconds()).isCloseTo(7.3, within(1e-9));
    }

    @Test
    void measuresMp3FromVbriHeader(GeneratedSamples samples) {
        // Fraunhofer's VBRI header: take ffmpeg's frames, drop its Info frame, and put a VBRI frame in front.
        byte[] cbr = TestFiles.read(samples.path(Sample.MP3_CBR));
        int info = TestFiles.indexOf(cbr, "Info", 0);
        int firstFrame = info - 36; // MPEG-1 stereo: 4-byte header plus 32 bytes of side information
        int frameLength = 417 + ((cbr[firstFrame + 2] >> 1) & 1);
        int audio = firstFrame + frameLength;
        int frames = 200;
        byte[] vbri = new byte[frameLength];
        System.arraycopy(cbr, firstFrame, vbri, 0, 4);
        ByteBuffer.wrap(vbri, 36, 18).put(new byte[] {'V', 'B', 'R', 'I', 0, 1, 0, 0, 0, 50})
                .putInt(cbr.length - firstFrame).putInt(frames);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(vbri);
        out.write(cbr, audio, cbr.length - audio);
        Path file = TestFiles.write(samples.dir().resolve("vbri.mp3"), out.toByteArray());

        assertThat(probe.probe(file).durationSeconds()).isCloseTo(frames * 1152 / 44100.0, within(1e-9));
    }

    @Test
    void roundsToTheNearestSecond() {
        assertThat(new AudioInfo("wav", 7.3, 8000, 1, "pcm_u8").roundedSeconds()).isEqualTo(7);
        assertThat(new AudioInfo("wav", 7.5, 8000, 1, "pcm_u8").roundedSeconds()).isEqualTo(8);
        assertThat(new AudioInfo("wav", 0.4, 8000, 1, "pcm_u8").roundedSeconds()).isZero();
    }

    /** An APEv2 tag with no items: a 32-byte header and a 32-byte footer. */
    private static byte[] apeTag() {
        ByteBuffer tag = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (int part = 0; part < 2; part++) {
            tag.put("APETAGEX".getBytes(StandardCharsets.US_ASCII)).putInt(2000).putInt(32)
                    .putInt(0).putInt(part == 0 ? 0xA0000000 : 0x80000000).putLong(0);
        }
        return tag.array();
    }
}
