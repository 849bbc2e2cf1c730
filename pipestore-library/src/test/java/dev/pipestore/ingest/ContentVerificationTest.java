package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.IntegrityException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.testing.audio.TestAudio;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content read back whole is checked against the size and SHA-256 recorded at ingest; damage is told, not passed on. */
class ContentVerificationTest {

    @TempDir
    Path dataDir;

    private PipeStore store;

    @BeforeEach
    void open() {
        store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void intactContentReadsBackWhole() throws Exception {
        byte[] wav = TestAudio.wav(1, 8000);
        AudioFile file = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("ok.wav"));
        try (InputStream in = store.audio().content(file.id())) {
            assertThat(in.readAllBytes()).isEqualTo(wav);
        }
    }

    @Test
    void aFlippedByteIsAnIntegrityErrorBeforeTheLastChunk() throws Exception {
        byte[] wav = TestAudio.wav(1, 8000);
        AudioFile file = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("rot.wav"));
        byte[] damaged = wav.clone();
        damaged[damaged.length / 2] ^= 0x01;
        Files.write(storedCopyOf(wav), damaged);

        try (InputStream in = store.audio().content(file.id())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("audio file " + file.id()).hasMessageContaining(file.contentSha256());
        }
    }

    @Test
    void aCutCopyIsAnIntegrityError() throws Exception {
        byte[] text = "a text that will lose its end".getBytes(StandardCharsets.UTF_8);
        TextDocument document = store.texts().add(new ByteArrayInputStream(text), TextUpload.named("cut.txt"));
        Files.write(storedCopyOf(text), Arrays.copyOf(text, text.length - 3));

        try (InputStream in = store.texts().content(document.id())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("text document " + document.id()).hasMessageContaining("ends after");
        }
    }

    /** The embedded object store keeps each object as a plain file; find it by its bytes. */
    private Path storedCopyOf(byte[] content) throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("objects"))) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.size(f) == content.length && Arrays.equals(Files.readAllBytes(f), content);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
    }
}
