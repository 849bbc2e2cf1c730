package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import dev.pipestore.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AudioSamplesExtension.class)
class RefusesBadInputTest {

    private final AudioProbe probe = new AudioProbe();

    @TempDir
    Path dir;

    @Test
    void refusesZeroByteFile() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.wav"));

        assertThat(refusal(file)).hasMessage("file: empty.wav: zero-byte file");
    }

    @Test
    void refusesDirectory() {
        assertThat(refusal(dir)).hasMessageEndingWith(": is a directory, not a file");
    }

    @Test
    void refusesMissingFile() {
        assertThat(refusal(dir.resolve("gone.mp3"))).hasMessage("file: gone.mp3: no such file");
    }

    @Test
    void refusesFifoWithoutBlockingOnIt() {
        Path fifo = dir.resolve("pipe.wav");
        AudioTools.run(dir, "mkfifo", fifo.toString());

        assertThat(refusal(fifo)).hasMessage("file: pipe.wav: is not a regular file");
    }

    @Test
    void refusesTextFile() {
        Path file = TestFiles.write(dir.resolve("notes.txt"),
                "These are meeting notes, not a recording.\nSecond line.\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refusal(file)).hasMessage("file: notes.txt: not an audio file (looks like text)");
    }

    @Test
    void refusesPdfNamingWhatItStartsWith() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = TestFiles.write(dir.resolve("report.wav"), pdf);

        assertThat(refusal(file)).hasMessage("file: report.wav: not an audio file (starts with %PDF)");
    }

    @Test
    void refusesRandomBytes() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0x13; // keep the seed's bytes from starting like a frame sync by chance

        assertThat(refusal(TestFiles.write(dir.resolve("noise.bin"), noise)))
                .hasMessageStartingWith("file: noise.bin: not an audio file (starts with bytes 13 ");
    }

    @Test
    void refusesRiffFileThatIsNotWave() {
        byte[] avi = new TestFiles.Riff("RIFF", 4).build();
        avi[8] = 'A';
        avi[9] = 'V';
        avi[10] = 'I';
        avi[11] = ' ';

        assertThat(refusal(TestFiles.write(dir.resolve("clip.avi"), avi)))
                .hasMessage("file: clip.avi: not an audio file: a RIFF 'AVI' file, not WAVE");
    }

    @Test
    void refusesWavWhoseDataChunkClaimsMoreThanFollows() {
        byte[] wav = new TestFiles.Riff("RIFF", 1_000_036).pcmFormat(1, 16000, 16)
                .chunkHeader("data", 1_000_000).zeros(12_000).build();

        assertThat(refusal(TestFiles.write(dir.resolve("cut.wav"), wav)))
                .hasMessage("file: cut.wav: truncated WAV: data chunk declares 1,000,000 bytes but only 12,000 follow");
    }

    @Test
    void refusesWavWhoseChunksDoNotLineUpSayingSo() {
        byte[] wav = new TestFiles.Riff("RIFF", 0).pcmFormat(1, 16000, 16).chunkHeader("LIST", 9)
                .bytes(new byte[] {'I', 'N', 'F', 'O', 'x'}).chunkHeader("data", 32000).zeros(32000).build();

        assertThat(refusal(TestFiles.write(dir.resolve("astray.wav"), wav))).hasMessage("file: astray.wav: malformed "
                + "WAV: the chunk header at byte 54 does not line up (its id is not text), so the chunk before it has "
                + "a wrong size or lacks its pad byte; no data chunk was found");
    }

    @Test
    void refusesWavCutInsideItsHeader(GeneratedSamples samples) {
        Path file = TestFiles.truncatedCopy(samples.path(Sample.WAV_S16_MONO_16K), dir.resolve("head.wav"), 30);

        assertThat(refusal(file)).hasMessageContaining("truncated WAV: the fmt chunk declares 16 bytes but only 10");
    }

    @Test
    void refusesWavWithZeroChannels() {
        byte[] wav = new TestFiles.Riff("RIFF", 100).pcmFormat(1, 16000, 16).chunkHeader("data", 4).zeros(4).build();
        wav[22] = 0; // channel count

        assertThat(refusal(TestFiles.write(dir.resolve("zero.wav"), wav)))
                .hasMessageEndingWith("malformed WAV: the fmt chunk says 0 channels");
    }

    @Test
    void refusesWavWithMoreChannelsThanAnyRecordingHas() {
        byte[] wav = new TestFiles.Riff("RIFF", 100).pcmFormat(1, 16000, 16).chunkHeader("data", 4).zeros(4).build();
        wav[22] = 0x06; // channel count 32,774, as a flipped bit makes it
        wav[23] = (byte) 0x80;

        assertThat(refusal(TestFiles.write(dir.resolve("many.wav"), wav)))
                .hasMessageEndingWith("malformed WAV: the fmt chunk says 32,774 channels");
    }

    /** The block size and the sample format disagree, and the duration depends on which is right. */
    @Test
    void refusesPcmWavWhoseBlockSizeContradictsItsChannelsAndBits(GeneratedSamples samples) {
        byte[] wav = TestFiles.read(samples.path(Sample.WAV_S16_MONO_16K));
        int fmt = TestFiles.indexOf(wav, "fmt ", 12);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(fmt + 8 + 12, (short) 4);

        assertThat(refusal(TestFiles.write(dir.resolve("blocks.wav"), wav))).hasMessage("file: blocks.wav: malformed WAV:"
                + " the fmt chunk says 4 bytes per sample frame, but 1 channel of 16 bits takes 2");
    }

    @Test
    void refusesMp3ShorterThanItsInfoHeaderSays(GeneratedSamples samples) {
        Path file = half(samples.path(Sample.MP3_CBR), "cut.mp3");

        assertThat(refusal(file)).hasMessageMatching(
                "file: cut\\.mp3: truncated MP3: the Info header declares [\\d,]+ bytes but only [\\d,]+ follow");
    }

    @Test
    void refusesFreeFormatMp3SayingSo(GeneratedSamples samples) {
        byte[] mp3 = TestFiles.read(samples.path(Sample.MP3_MPEG2_MONO_16K));
        int frame = 0;
        while ((mp3[frame] & 0xFF) != 0xFF || (mp3[frame + 1] & 0xE0) != 0xE0) {
            frame++; // past the LAME tag's ID3 or straight at the first frame
        }
        byte[] free = Arrays.copyOfRange(mp3, frame, mp3.length);
        free[2] &= 0x0F; // bitrate index 0

        assertThat(refusal(TestFiles.write(dir.resolve("free.mp3"), free))).hasMessage("file: free.mp3: unsupported MP3:"
                + " free-format bitrate (bitrate index 0), whose frames cannot be measured; re-encode it at a standard bitrate");
    }

    @Test
    void refusesMp3WithoutVbrHeaderWhoseLastFrameIsCutOff(GeneratedSamples samples) {
        Path source = samples.path(Sample.MP3_VBR_NO_XING_123S);
        byte[] mp3 = TestFiles.read(source);
        int cut = mp3.length / 2;
        // Not where a frame starts (whole frames only: a valid, shorter file), nor inside the 4-byte header that follows
        // (three bytes or fewer of a header are read as trailing bytes, as after many real files' last frame).
        while (syncAt(mp3, cut) || syncAt(mp3, cut - 1) || syncAt(mp3, cut - 2) || syncAt(mp3, cut - 3)) {
            cut++;
        }
        Path file = TestFiles.truncatedCopy(source, dir.resolve("cut.mp3"), cut);

        assertThat(refusal(file)).hasMessageMatching(
                "file: cut\\.mp3: truncated MP3: the frame at byte [\\d,]+ needs [\\d,]+ bytes but only [\\d,]+ follow");
    }

    @Test
    void refusesFlacCutShort(GeneratedSamples samples) {
        Path file = half(samples.path(Sample.FLAC_STEREO_44K), "cut.flac");

        assertThat(refusal(file)).hasMessageContaining("truncated FLAC");
    }

    @Test
    void refusesFlacCutBetweenFramesByComparingWithStreamInfo(GeneratedSamples samples) {
        Path source = samples.path(Sample.FLAC_STEREO_44K);
        byte[] flac = TestFiles.read(source);
        for (int i = flac.length / 2; i < flac.length - 1; i++) {
            if ((flac[i] & 0xFF) != 0xFF || (flac[i + 1] & 0xFE) != 0xF8) {
                continue; // not a frame sync
            }
            Path cut = TestFiles.truncatedCopy(source, dir.resolve("cut.flac"), i);
            String message = refusal(cut).getMessage();
            if (message.contains("frames end at sample")) { // a real frame boundary, not sync-like audio bytes
                assertThat(message).matches("file: cut\\.flac: truncated FLAC: STREAMINFO declares 321,930 samples "
                        + "but the frames end at sample [\\d,]+");
                return;
            }
        }
        fail("no frame boundary in the second half of " + source);
    }

    /** The frames, checked by their CRCs, are the audio; a STREAMINFO that describes other audio is damaged. */
    @Test
    void refusesFlacWhoseStreamInfoContradictsItsFrames(GeneratedSamples samples) {
        byte[] flac = TestFiles.read(samples.path(Sample.FLAC_STEREO_44K));
        ByteBuffer packed = ByteBuffer.wrap(flac); // STREAMINFO bytes 10-17: rate (20 bits), channels - 1 (3), ...
        long original = packed.getLong(8 + 10);
        packed.putLong(8 + 10, original & ~(7L << 41) | 5L << 41);
        Path channels = TestFiles.write(dir.resolve("channels.flac"), flac.clone());
        packed.putLong(8 + 10, original & ~(0xFFFFFL << 44) | 22_050L << 44);
        Path rate = TestFiles.write(dir.resolve("rate.flac"), flac);

        assertThat(refusal(channels)).hasMessage("file: channels.flac: malformed FLAC: STREAMINFO says 6 channels but"
                + " the last frame has 2");
        assertThat(refusal(rate)).hasMessage("file: rate.flac: malformed FLAC: STREAMINFO says 22,050 Hz but the last"
                + " frame says 44,100 Hz");
    }

    @Test
    void refusesFlacWhoseStreamInfoGivesBlockSizesBelowSixteen(GeneratedSamples samples) {
        byte[] flac = TestFiles.read(samples.path(Sample.FLAC_STREAMED));
        Arrays.fill(flac, 8, 12, (byte) 0); // STREAMINFO's minimum and maximum block sizes

        assertThat(refusal(TestFiles.write(dir.resolve("blocks.flac"), flac))).hasMessage("file: blocks.flac: "
                + "malformed FLAC: STREAMINFO gives block sizes of 0 to 0 samples, but FLAC blocks are at least 16");
    }

    @Test
    void refusesOggCutShort(GeneratedSamples samples) {
        assertThat(refusal(half(samples.path(Sample.OGG_VORBIS), "cut.ogg")))
                .hasMessageMatching("file: cut\\.ogg: truncated Ogg: the last page, at byte [\\d,]+, is cut off.*");
        assertThat(refusal(half(samples.path(Sample.OPUS_MONO_16K), "cut.opus")))
                .hasMessageContaining("truncated Ogg");
    }

    @Test
    void refusesOggCutAtAPageBoundaryForLackOfAnEndOfStreamPage(GeneratedSamples samples) {
        byte[] ogg = TestFiles.read(samples.path(Sample.OGG_VORBIS));
        int lastPage = TestFiles.indexOf(ogg, "OggS", ogg.length / 2);
        Path file = TestFiles.truncatedCopy(samples.path(Sample.OGG_VORBIS), dir.resolve("cut.ogg"), lastPage);

        assertThat(refusal(file)).hasMessageContaining("truncated Ogg: the stream has no end-of-stream page");
    }

    @Test
    void refusesOggPageWithBadCrc(GeneratedSamples samples) {
        byte[] ogg = TestFiles.read(samples.path(Sample.OPUS_MONO_16K));
        ogg[ogg.length - 10] ^= 0x55;

        assertThat(refusal(TestFiles.write(dir.resolve("bad.opus"), ogg)))
                .hasMessageMatching("file: bad\\.opus: corrupt Ogg: the last page, at byte [\\d,]+, fails its CRC check");
    }

    @Test
    void refusesOggFlacNamingTheCodec(GeneratedSamples samples) {
        Path file = dir.resolve("flac.oga");
        AudioTools.run(dir, AudioTools.ffmpeg("-i", samples.path(Sample.WAV_S16_MONO_16K).toString(), "-c:a", "flac",
                file.toString()));

        assertThat(refusal(file)).hasMessageContaining("unsupported Ogg stream: it holds FLAC");
    }

    @Test
    void refusesM4aCutShort(GeneratedSamples samples) {
        assertThat(refusal(half(samples.path(Sample.M4A_AAC_STEREO_FASTSTART), "cut.m4a")))
                .hasMessageMatching("file: cut\\.m4a: truncated MP4: the 'mdat' box at byte [\\d,]+ declares .*");
        assertThat(refusal(half(samples.path(Sample.M4A_AAC_MONO_16K), "cut2.m4a")))
                .hasMessageContaining("truncated MP4");
    }

    @Test
    void refusesM4aWithoutMoovBox(GeneratedSamples samples) {
        byte[] m4a = TestFiles.read(samples.path(Sample.M4A_AAC_MONO_16K));
        int moov = TestFiles.indexOf(m4a, "moov", 0) - 4;
        Path file = TestFiles.truncatedCopy(samples.path(Sample.M4A_AAC_MONO_16K), dir.resolve("nomoov.m4a"), moov);

        assertThat(refusal(file)).hasMessageContaining("incomplete MP4: there is no moov box");
    }

    @Test
    void refusesFragmentedMp4Clearly(GeneratedSamples samples) {
        Path file = dir.resolve("fragmented.m4a");
        AudioTools.run(dir, AudioTools.ffmpeg("-i", samples.path(Sample.WAV_S16_MONO_16K).toString(), "-c:a", "aac",
                "-movflags", "frag_keyframe+empty_moov", file.toString()));

        assertThat(refusal(file)).hasMessageContaining("fragmented MP4 (moof boxes) is not supported");
    }

    @Test
    void refusesMp4WithoutAudioTrack() {
        ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
        mp4.writeBytes(box("ftyp", "isom\0\0\0\0isom".getBytes(StandardCharsets.US_ASCII)));
        mp4.writeBytes(box("moov", box("mvhd", new byte[100])));

        assertThat(refusal(TestFiles.write(dir.resolve("empty.mp4"), mp4.toByteArray())))
                .hasMessage("file: empty.mp4: not an audio file: the MP4 has no audio track");
    }

    /** Whether an MPEG audio frame sync (eleven set bits) starts at {@code at}. */
    private static boolean syncAt(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) == 0xFF && (bytes[at + 1] & 0xE0) == 0xE0;
    }

    private Path half(Path source, String name) {
        return TestFiles.truncatedCopy(source, dir.resolve(name), TestFiles.read(source).length / 2);
    }

    private InvalidInputException refusal(Path file) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> probe.probe(file));
        assertThat(e).as("refusal of %s", file.getFileName()).isNotNull();
        assertThat(e.field()).isEqualTo("file");
        assertThat(e.getMessage()).doesNotContain("unexpected structure");
        return e;
    }

    static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }
}
