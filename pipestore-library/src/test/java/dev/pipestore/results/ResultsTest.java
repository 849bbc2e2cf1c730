package dev.pipestore.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AnalysisResult;
import dev.pipestore.catalog.AnalysisResultQuery;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.Translation;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.testing.audio.TestAudio;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

    /** JSON numbers are equal when their values are: a backend may store 0.0 as 0. */
    private static final java.util.Comparator<com.fasterxml.jackson.databind.JsonNode> SAME_NUMBER = (a, b) ->
            a.equals(b) || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;

    @TempDir
    Path dataDir;

    private PipeStore store;
    private AudioFile audio;

    @BeforeEach
    void open() {
        store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())));
        audio = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(10, 8000)), AudioUpload.named("call.wav"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void transcriptionWithSegmentsRoundTripsThroughTheCache() {
        ObjectNode metadata = Metadata.parseObject("metadata", """
                {"segments": [
                  {"start": 0.0, "end": 2.5, "text": "hello there", "speaker": "A",
                   "words": [{"start": 0.0, "end": 1.0, "word": "hello", "confidence": 0.97},
                             {"start": 1.1, "end": 2.4, "word": "there", "confidence": 0.91}]},
                  {"start": 2.5, "end": 9.75, "text": "how are you", "speaker": "B"}]}""");

        Transcription added = store.transcriptions().add(audio.id(),
                new NewTranscription("hello there how are you", "en", 0.93, "whisper-large-v3", metadata));
        Transcription miss = store.transcriptions().get(added.id());
        Transcription hit = store.transcriptions().get(added.id());

        assertThat(hit).isEqualTo(miss);
        assertThat(miss.id()).isEqualTo(added.id());
        assertThat(miss.content()).isEqualTo(added.content());
        assertThat(miss.createdAt()).isEqualTo(added.createdAt());
        assertThat(hit.metadata().equals(SAME_NUMBER, metadata)).as(hit.metadata() + " means " + metadata).isTrue();
        assertThat(store.readCacheStats().hits()).isEqualTo(1);
        assertThat(store.readCacheStats().misses()).isEqualTo(1);
    }

    @Test
    void writesInvalidateCachedLists() {
        Transcription v1 = store.transcriptions().add(audio.id(), NewTranscription.of("one", "en").withModel("m-1"));
        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(v1);

        Transcription v2 = store.transcriptions().add(audio.id(), NewTranscription.of("two", "en").withModel("m-2"));

        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactlyInAnyOrder(v1, v2);
    }

    @Test
    void secondModelVersionSitsBesideTheFirstAndLatestPicksNewestPerModel() {
        Transcription a1 = store.transcriptions().add(audio.id(), NewTranscription.of("a first", "en").withModel("a"));
        Transcription b1 = store.transcriptions().add(audio.id(), NewTranscription.of("b first", "en").withModel("b"));
        Transcription a2 = store.transcriptions().add(audio.id(), NewTranscription.of("a second", "en").withModel("a"));

        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactlyInAnyOrder(a1, b1, a2);
        assertThat(store.transcriptions().latestPerModelVersion(audio.id())).containsExactlyInAnyOrder(a2, b1);
    }

    @Test
    void translationsAreListedByTargetLanguage() {
        Transcription source = store.transcriptions().add(audio.id(), NewTranscription.of("good morning", "en"));

        Translation german = store.translations().add(source.id(), NewTranslation.of("guten Morgen", "de"));
        Translation french = store.translations().add(source.id(), NewTranslation.of("bonjour", "fr").withModel("nllb"));

        assertThat(german.sourceLanguage()).isEqualTo("en");
        assertThat(store.translations().listForTranscription(source.id(), "de")).containsExactly(german);
        assertThat(store.translations().listForTranscription(source.id(), null)).containsExactlyInAnyOrder(german, french);
        assertThat(store.translations().get(french.id())).isEqualTo(french);
        Translation german2 = store.translations().add(source.id(), NewTranslation.of("Guten Morgen!", "de"));
        assertThat(store.translations().listForTranscription(source.id(), "de")).containsExactlyInAnyOrder(german, german2);
    }

    @Test
    void refusesSegmentsRunningPastTheEndOfTheAudio() {
        ObjectNode metadata = Metadata.parseObject("m", "{\"segments\": [{\"start\": 8, \"end\": 12.5, \"text\": \"late\"}]}");

        assertThatThrownBy(() -> store.transcriptions().add(audio.id(), NewTranscription.of("late", "en").withMetadata(metadata)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("segments[0]"));
        assertThat(store.transcriptions().listForAudioFile(audio.id())).isEmpty();
    }

    @Test
    void refusesOverlappingSegments() {
        ObjectNode metadata = Metadata.parseObject("m", """
                {"segments": [{"start": 0, "end": 3, "text": "a"}, {"start": 2, "end": 4, "text": "b"}]}""");

        assertThatThrownBy(() -> store.transcriptions().add(audio.id(), NewTranscription.of("a b", "en").withMetadata(metadata)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("segments[1]"));
    }

    @Test
    void refusesConfidenceOutsideZeroToOneAndUnknownLanguage() {
        assertThatThrownBy(() -> store.transcriptions().add(audio.id(), NewTranscription.of("x", "en").withConfidence(1.5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("confidence"));
        assertThatThrownBy(() -> store.transcriptions().add(audio.id(), NewTranscription.of("x", "zz")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("language"));
        assertThat(store.transcriptions().listForAudioFile(audio.id())).isEmpty();
    }

    /** A label with a line break would split the CLI's one-line-per-record output and any log line quoting it. */
    @Test
    void refusesModelVersionsAndAnalysisTypesWithControlCharacters() {
        Transcription source = store.transcriptions().add(audio.id(), NewTranscription.of("hi", "en"));

        assertThatThrownBy(() -> store.transcriptions().add(audio.id(), NewTranscription.of("x", "en").withModel("a\nb")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("model_version"));
        assertThatThrownBy(() -> store.translations().add(source.id(), NewTranslation.of("x", "de").withModel("v\u001b[2J")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("model_version"));
        assertThatThrownBy(() -> store.results().addBatch(List.of(new NewAnalysisResult(audio.id(), null, "tone\r",
                Metadata.parseObject("r", "{}"), null, "v1"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("results[0].analysis_type"));
        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(source);
        assertThat(store.translations().listForTranscription(source.id(), null)).isEmpty();
    }

    @Test
    void transcriptionOfUnknownAudioIsNotFound() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> store.transcriptions().add(unknown, NewTranscription.of("x", "en")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> store.transcriptions().listForAudioFile(unknown)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void analysisResultsAreStoredInOneBatchOrNotAtAll() {
        Transcription source = store.transcriptions().add(audio.id(), NewTranscription.of("hi", "en"));
        var sentiment = Metadata.parseObject("r", "{\"label\": \"positive\", \"score\": 0.8}");

        List<AnalysisResult> stored = store.results().addBatch(List.of(
                new NewAnalysisResult(audio.id(), null, "loudness", Metadata.parseObject("r", "{\"lufs\": -23.5}"), null, "v1"),
                new NewAnalysisResult(null, source.id(), "sentiment", sentiment, 0.8, "v1")));

        assertThat(stored.get(1).audioFileId()).as("a result on a transcription is on its audio too").isEqualTo(audio.id());
        assertThat(store.results().list(AnalysisResultQuery.ofAudioFile(audio.id()), PageRequest.firstPage()).items())
                .containsExactlyInAnyOrderElementsOf(stored);
        assertThat(store.results().get(stored.get(1).id()).result()).isEqualTo(sentiment);

        assertThatThrownBy(() -> store.results().addBatch(List.of(
                        new NewAnalysisResult(audio.id(), null, "ok", sentiment, null, null),
                        new NewAnalysisResult(UUID.randomUUID(), null, "orphan", sentiment, null, null))))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.results().list(AnalysisResultQuery.all(), PageRequest.firstPage()).items()).hasSize(2);
    }

    @Test
    void aResultCannotNameAnAudioFileOtherThanItsTranscriptions() {
        AudioFile other = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(2, 8000)), AudioUpload.named("other.wav"));
        Transcription ofOther = store.transcriptions().add(other.id(), NewTranscription.of("hi", "en"));
        var label = Metadata.parseObject("r", "{\"label\": \"x\"}");

        assertThatThrownBy(() -> store.results().addBatch(List.of(new NewAnalysisResult(audio.id(), null, "ok", label, null, null),
                        new NewAnalysisResult(audio.id(), ofOther.id(), "mixed", label, null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("results[1].audio_file_id"))
                .hasMessageContaining(other.id().toString());
        assertThatThrownBy(() -> store.results().addBatch(List.of(new NewAnalysisResult(null, UUID.randomUUID(), "x", label, null, null))))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.results().list(AnalysisResultQuery.all(), PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    void aRetriedTranscriptionWithItsIdempotencyKeyIsStoredOnce() {
        Transcription first = store.transcriptions().add(audio.id(), NewTranscription.of("hello there", "en"), "asr-job-7");
        Transcription retry = store.transcriptions().add(audio.id(), NewTranscription.of("hello there", "en"), "asr-job-7");

        assertThat(retry).isEqualTo(first);
        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(first);
        assertThatThrownBy(() -> store.transcriptions().add(audio.id(), NewTranscription.of("something else", "en"), "asr-job-7"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("asr-job-7").hasMessageContaining(first.id().toString());
        assertThatThrownBy(() -> store.transcriptions().add(audio.id(), NewTranscription.of("x", "en"), "with space"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("idempotency_key"));
        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(first);
    }

    @Test
    void aRetriedTranslationWithItsIdempotencyKeyIsStoredOnce() {
        Transcription source = store.transcriptions().add(audio.id(), NewTranscription.of("good morning", "en"));
        NewTranslation german = new NewTranslation("guten Morgen", null, "de", null, "mt-1", null);

        Translation first = store.translations().add(source.id(), german, "mt-job-3");
        Translation retry = store.translations().add(source.id(), german, "mt-job-3");

        assertThat(retry).isEqualTo(first);
        assertThat(store.translations().listForTranscription(source.id(), null)).containsExactly(first);
        assertThatThrownBy(() -> store.translations().add(source.id(), new NewTranslation("bonjour", null, "fr", null, "mt-1", null),
                "mt-job-3")).isInstanceOf(ConflictException.class).hasMessageContaining(first.id().toString());
        assertThat(store.translations().listForTranscription(source.id(), null)).containsExactly(first);
    }

    @Test
    void nullBatchesAndNullItemsAreRefusedByName() {
        assertThatThrownBy(() -> store.results().addBatch(null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("results"));
        var ok = new NewAnalysisResult(audio.id(), null, "ok", Metadata.parseObject("r", "{}"), null, null);
        assertThatThrownBy(() -> store.results().addBatch(java.util.Arrays.asList(ok, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("results[1]"))
                .hasMessageContaining("is null");
        assertThat(store.results().list(AnalysisResultQuery.all(), PageRequest.firstPage()).items()).isEmpty();
    }
}
