package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-GiB files, made sparse so they cost no disk. The module's tests run with a 64 MiB heap (see the pom), so a
 * probe that read a whole file, or even a large part of one, would fail here.
 */
@ExtendWith(AudioSamplesExtension.class)
class LargeFileTest {

    private static final long GIB = 1L << 30;

    private final AudioProbe probe = new AudioProbe();

    @TempDir
    Path dir;

    @Test
    void measuresWavLargerThan2GiBWhoseSizesNeedUnsignedArithmetic() throws IOException {
        long data = 0xF000_0000L; // 3.75 GiB, negative as a signed int
        byte[] header = new TestFiles.Riff("RIFF", data + 36).pcmFormat(2, 44100, 16).chunkHeader("data", data)
                .build();
        Path file = sparse("big.wav", header, header.length + data);

        assertThat(probe.probe(file).durationSeconds()).isEqualTo(data / 4 / 44100.0);
    }

    @Test
    void measuresRf64WavLargerThan4GiB() throws IOException {
        long data = 5 * GIB;
        ByteBuffer ds64 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN).putLong(data + 72).putLong(data)
                .putLong(data / 2).putInt(0);
        byte[] header = new TestFiles.Riff("RF64", 0xFFFF_FFFFL).chunkHeader("ds64", 28).bytes(ds64.array())
                .pcmFormat(1, 16000, 16).chunkHeader("data", 0xFFFF_FFFFL).build();
        Path file = sparse("big_rf64.wav", header, header.length + data);

        assertThat(probe.probe(file).durationSeconds()).isEqualTo(data / 2 / 16000.0);
    }

    @Test
    void measuresMp4With64BitMdatBoxLargerThan4GiB(GeneratedSamples samples) throws IOException {
        byte[] m4a = TestFiles.read(samples.path(Sample.M4A_AAC_MONO_16K));
        int mdat = TestFiles.indexOf(m4a, "mdat", 0) - 4;
        int moov = TestFiles.indexOf(m4a, "moov", 0) - 4;
        long bigMdat = 16 + 5 * GIB;
        ByteBuffer largeHeader = ByteBuffer.allocate(16).putInt(1).put("mdat".getBytes(StandardCharsets.US_ASCII))
                .putLong(bigMdat);
        Path file = dir.resolve("big.m4a");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(m4a, 0, mdat);
            out.write(largeHeader.array());
            out.seek(mdat + bigMdat);
            out.write(m4a, moov, m4a.length - moov);
        }

        assertThat(probe.probe(file).durationSeconds()).isCloseTo(7.3, within(0.002));
    }

    @Test
    void measuresFlacAndOggFromHeadAndTailWithAGiBGapBetween(GeneratedSamples samples) throws IOException {
        for (Sample sample : new Sample[] {Sample.FLAC_STEREO_44K, Sample.OGG_VORBIS}) {
            byte[] bytes = TestFiles.read(samples.path(sample));
            int split = bytes.length / 2;
            int resume = TestFiles.indexOf(bytes, sample == Sample.OGG_VORBIS ? "OggS" : "\u00ff\u00f8", split);
            Path file = dir.resolve("gap_" + sample.fileName);
            try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                out.write(bytes, 0, split);
                out.seek(split + 3 * GIB);
                out.write(bytes, resume, bytes.length - resume);
            }

            assertThat(probe.probe(file).durationSeconds()).as(sample.name()).isCloseTo(7.3, within(0.001));
        }
    }

    private Path sparse(String name, byte[] header, long length) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(Arrays.copyOf(header, header.length));
            out.setLength(length);
        }
        return file;
    }
}
