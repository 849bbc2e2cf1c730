package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.IntegrityException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.fs.StoredCopies;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
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
        StoredCopies.flipBit(dataDir.resolve("objects"), wav, wav.length / 2);

        try (InputStream in = store.audio().content(file.id())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("audio file " + file.id()).hasMessageContaining(file.contentSha256());
        }
    }

    @Test
    void aCutCopyIsAnIntegrityError() throws Exception {
        byte[] text = "a text that will lose its end".getBytes(StandardCharsets.UTF_8);
        TextDocument document = store.texts().add(new ByteArrayInputStream(text), TextUpload.named("cut.txt"));
        StoredCopies.truncate(dataDir.resolve("objects"), text, text.length - 3);

        try (InputStream in = store.texts().content(document.id())) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("text document " + document.id()).hasMessageContaining("ends after");
        }
    }
}
