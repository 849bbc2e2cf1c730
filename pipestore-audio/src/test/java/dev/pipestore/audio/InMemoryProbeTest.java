package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pipestore.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Probing bytes in memory or from any seekable channel measures and refuses exactly as probing the file does. */
@ExtendWith(AudioSamplesExtension.class)
class InMemoryProbeTest {

    private final AudioProbe probe = new AudioProbe();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sample.class)
    void measuresBytesInMemoryAndFromAChannelAsFromTheFile(Sample sample, GeneratedSamples samples) throws IOException {
        Path file = samples.path(sample);
        AudioInfo fromFile = probe.probe(file, sample.fileName, null);

        assertThat(probe.probe(ByteBuffer.wrap(TestFiles.read(file)), sample.fileName, null)).isEqualTo(fromFile);
        try (SeekableByteChannel channel = new NotAFileChannel(FileChannel.open(file, StandardOpenOption.READ))) {
            assertThat(probe.probe(channel, sample.fileName, null)).isEqualTo(fromFile);
        }
    }

    @Test
    void readsOnlyBetweenPositionAndLimitAndLeavesTheBufferAsItWas(GeneratedSamples samples) {
        byte[] wav = TestFiles.read(samples.path(Sample.values()[0]));
        byte[] padded = new byte[wav.length + 200];
        Arrays.fill(padded, (byte) 'x');
        System.arraycopy(wav, 0, padded, 100, wav.length);
        ByteBuffer buffer = ByteBuffer.wrap(padded, 100, wav.length);

        AudioInfo info = probe.probe(buffer, Sample.values()[0].fileName, null);

        assertThat(info).isEqualTo(probe.probe(samples.path(Sample.values()[0]), Sample.values()[0].fileName, null));
        assertThat(buffer.position()).isEqualTo(100);
        assertThat(buffer.limit()).isEqualTo(100 + wav.length);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sample.class)
    void refusesTruncatedBytesInMemoryWithTheFilesMessage(Sample sample, GeneratedSamples samples) {
        byte[] whole = TestFiles.read(samples.path(sample));
        byte[] cut = Arrays.copyOf(whole, Math.min(whole.length, 40));
        Path cutFile = TestFiles.write(dir.resolve(sample.fileName), cut);

        InvalidInputException fromFile = catchThrowableOfType(InvalidInputException.class,
                () -> probe.probe(cutFile, sample.fileName, null));
        InvalidInputException fromMemory = catchThrowableOfType(InvalidInputException.class,
                () -> probe.probe(ByteBuffer.wrap(cut), sample.fileName, null));

        assertThat(fromFile).as("the file is refused").isNotNull();
        assertThat(fromMemory).as("the same bytes in memory are refused").isNotNull();
        assertThat(fromMemory).hasMessage(fromFile.getMessage());
    }

    @Test
    void refusesTextAndEmptyContentNamingTheUpload() {
        byte[] text = "meeting notes, not a recording\n".getBytes(StandardCharsets.UTF_8);

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> probe.probe(ByteBuffer.wrap(text), "notes.wav", null)))
                .hasMessage("file: notes.wav: not an audio file (looks like text)");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> probe.probe(ByteBuffer.allocate(0), null, null)))
                .hasMessage("file: upload: zero-byte file");
    }

    /** A channel that is not a {@link FileChannel}, so the probe must seek and read instead of reading by position. */
    private record NotAFileChannel(FileChannel delegate) implements SeekableByteChannel {

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return delegate.read(dst);
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            delegate.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
