package dev.pipestore.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.SearchHit;
import dev.pipestore.catalog.SearchQuery;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.Translation;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.results.NewTranscription;
import dev.pipestore.results.NewTranslation;
import dev.pipestore.testing.audio.TestAudio;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search through the store: what the library writes, it finds. */
class SearchServiceTest {

    @TempDir
    Path dataDir;

    private PipeStore store;
    private AudioFile audio;

    @BeforeEach
    void open() {
        store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())));
        audio = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(2, 8000)), AudioUpload.named("call.wav"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void transcriptionsAndTranslationsAddedThroughTheStoreAreFound() {
        Transcription transcription = store.transcriptions().add(audio.id(),
                NewTranscription.of("the delivery arrives on Tuesday", "en").withModel("whisper-1"));
        Translation translation = store.translations().add(transcription.id(), NewTranslation.of("die Lieferung kommt am Dienstag", "de"));

        List<SearchHit> english = store.search().search("deliveries");
        List<SearchHit> german = store.search().search(SearchQuery.of("Lieferung").withLanguage("de"));

        assertThat(english).singleElement().satisfies(hit -> {
            assertThat(hit.id()).isEqualTo(transcription.id());
            assertThat(hit.snippet()).isEqualTo("the <b>delivery</b> arrives on Tuesday");
            assertThat(hit.modelVersion()).isEqualTo("whisper-1");
        });
        assertThat(german).singleElement().satisfies(hit -> {
            assertThat(hit.kind()).isEqualTo(SearchHit.Kind.TRANSLATION);
            assertThat(hit.id()).isEqualTo(translation.id());
            assertThat(hit.audioFileId()).isEqualTo(audio.id());
        });
    }

    @Test
    void anEmptyQueryIsRefusedNamingQ() {
        assertThatThrownBy(() -> store.search().search(" "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }
}
