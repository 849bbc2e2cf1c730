package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pipestore.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damages every real sample (truncations at many offsets, flipped bytes, zeroed runs) and requires each result to be
 * a valid measurement or a clear refusal: never another exception, never a hang.
 */
@ExtendWith(AudioSamplesExtension.class)
class CorruptInputTest {

    private static final Duration PER_PROBE = Duration.ofSeconds(5);
    /** Headers sit at the start, and at the end too (MP4's moov, Ogg's last page, FLAC's last frame, tags). */
    private static final int FLIPS_AT_EACH_END = 25;
    private static final int FLIPS_ANYWHERE = 20;
    private static final int END_REGION = 2048;
    private static final int ZEROED_RUNS = 10;

    private final AudioProbe probe = new AudioProbe();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sample.class)
    void damagedFilesAreMeasuredOrRefusedCleanly(Sample sample, GeneratedSamples samples) throws IOException {
        Path source = samples.path(sample);
        Path copy = Files.copy(source, dir.resolve(sample.fileName), StandardCopyOption.REPLACE_EXISTING);
        long length = Files.size(copy);
        Random random = new Random(sample.ordinal());
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int region = (int) Math.min(length, END_REGION);
            for (int i = 0; i < 2 * FLIPS_AT_EACH_END + FLIPS_ANYWHERE; i++) {
                long pos = i < FLIPS_AT_EACH_END ? random.nextInt(region)
                        : i < 2 * FLIPS_AT_EACH_END ? length - 1 - random.nextInt(region)
                        : (long) (random.nextDouble() * length);
                int mask = 1 + random.nextInt(255);
                damage(channel, copy, pos, 1, b -> (byte) (b ^ mask), "byte " + pos + " xor " + mask);
            }
            for (int i = 0; i < ZEROED_RUNS; i++) {
                long pos = (long) (random.nextDouble() * length);
                damage(channel, copy, pos, 16, b -> 0, "16 zero bytes at " + pos);
            }
            for (long cut : cutPoints(length).descendingSet()) {
                channel.truncate(cut);
                check(copy, "cut to " + cut + " bytes");
            }
        }
    }

    @Test
    void givesUpQuicklyOnAFloodOfFrameSyncsThatNeverFormAStream() {
        // 0xFFFB9000 is a valid MPEG-1 layer III header every four bytes, but no header ever sits where the previous
        // one's frame would end; a careless scanner re-reads its window for every one of them.
        byte[] flood = new byte[8 << 20];
        for (int i = 0; i < flood.length; i += 4) {
            flood[i] = (byte) 0xFF;
            flood[i + 1] = (byte) 0xFB;
            flood[i + 2] = (byte) 0x90;
        }
        Path file = TestFiles.write(dir.resolve("flood.mp3"), flood);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(
                catchThrowableOfType(InvalidInputException.class, () -> probe.probe(file)))
                .hasMessage("file: flood.mp3: malformed MP3: no two consecutive MPEG audio frames found"));
    }

    /** Offsets inside every header we parse, and spread over the body and the tail. */
    private static TreeSet<Long> cutPoints(long length) {
        TreeSet<Long> cuts = new TreeSet<>();
        long[] fixed = {1, 2, 3, 4, 7, 8, 10, 11, 12, 16, 20, 26, 27, 28, 30, 36, 40, 44, 48, 58, 64, 80, 100, 150, 200,
            300, 512, 700, 1000, 2000, 4096};
        for (long cut : fixed) {
            cuts.add(cut);
        }
        for (long fromEnd : new long[] {1, 2, 3, 10, 32, 100, 128, 129, 1000, 5000}) {
            cuts.add(length - fromEnd);
        }
        for (int i = 1; i < 8; i++) {
            cuts.add(length * i / 8);
        }
        cuts.removeIf(cut -> cut <= 0 || cut >= length);
        return cuts;
    }

    private interface ByteChange {
        byte apply(byte original);
    }

    private void damage(FileChannel channel, Path copy, long pos, int n, ByteChange change, String what)
            throws IOException {
        ByteBuffer original = ByteBuffer.allocate(n);
        channel.read(original, pos);
        original.flip();
        ByteBuffer damaged = ByteBuffer.allocate(original.remaining());
        for (int i = 0; i < original.remaining(); i++) {
            damaged.put(change.apply(original.get(i)));
        }
        channel.write(damaged.flip(), pos);
        check(copy, what);
        channel.write(original, pos);
    }

    private void check(Path file, String what) {
        assertTimeoutPreemptively(PER_PROBE, () -> {
            try {
                AudioInfo info = probe.probe(file);
                assertThat(info.durationSeconds()).as(what).isNotNegative();
            } catch (InvalidInputException e) {
                assertThat(e.field()).as(what).isEqualTo("file");
                assertThat(e.getMessage()).as(what).doesNotContain("unexpected structure");
            } catch (RuntimeException e) {
                fail(what + ": " + e, e);
            }
        }, () -> what + ": the probe did not finish in " + PER_PROBE);
    }
}
