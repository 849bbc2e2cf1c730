package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.catalog.TextDocumentQuery;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.json.RecordJson;
import dev.pipestore.testing.audio.TestAudio;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload's uploader lands in the record's uploaded_by, in its JSON, and in the list filter. */
class UploaderTest {

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

    private AudioFile ingest(String uploader, int tone) {
        return store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000, 1, 400 + tone)),
                AudioUpload.named("a.wav").withUploadedBy(uploader));
    }

    @Test
    void uploadsRecordTheirUploaderAndListByIt() {
        AudioFile mine = ingest("key-a", 1);
        ingest("key-b", 2);
        AudioFile nobodys = ingest(null, 3);
        TextDocument text = store.texts().add(new ByteArrayInputStream("hi".getBytes()), TextUpload.named("t.txt").withUploadedBy("key-a"));

        assertThat(store.audio().get(mine.id()).uploadedBy()).isEqualTo("key-a");
        assertThat(nobodys.uploadedBy()).isNull();
        assertThat(RecordJson.toTree(mine).path("uploaded_by").asText()).isEqualTo("key-a");
        assertThat(RecordJson.toTree(nobodys).get("uploaded_by").isNull()).isTrue();
        assertThat(store.audio().list(AudioFileQuery.all().withUploadedBy("key-a"), PageRequest.firstPage()).items())
                .extracting(AudioFile::id).containsExactly(mine.id());
        assertThat(store.texts().list(TextDocumentQuery.all().withUploadedBy("key-a"), PageRequest.firstPage()).items())
                .extracting(TextDocument::id).containsExactly(text.id());
    }

    @Test
    void aBadUploaderIsRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> AudioUpload.named("a.wav").withUploadedBy("x".repeat(101)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("uploaded_by"));
        assertThatThrownBy(() -> TextUpload.named("t.txt").withUploadedBy("a\u0000b"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("uploaded_by"));
    }
}
