package dev.pipestore.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.TranscriptionQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code transcriptions().addBatch} on PostgreSQL and Redis: every item checked as {@code add} checks it, all or nothing. */
class TranscriptionBatchTest extends OnPostgresAndRedis {

    /** Ten seconds long. */
    private AudioFile audio;
    private AudioFile other;

    @BeforeEach
    void ingest() {
        audio = ingest("call.wav");
        other = ingest("other.wav");
    }

    @Test
    void storesEveryItemInOrderAndReadsEachBack() {
        List<TranscriptionItem> items = List.of(
                TranscriptionItem.of(audio.id(), new NewTranscription("hello there", "EN-us", 0.93, "whisper-v3",
                        segments("{\"start\": 0, \"end\": 2.5, \"text\": \"hello there\", \"speaker\": \"A\"}"))),
                TranscriptionItem.of(other.id(), NewTranscription.of("hallo", "de").withModel("whisper-v3")),
                TranscriptionItem.of(audio.id(), NewTranscription.of("hello there", "en").withModel("whisper-v2")));

        List<Transcription> stored = store.transcriptions().addBatch(items);

        assertThat(stored).hasSize(3);
        assertThat(stored).extracting(Transcription::audioFileId).containsExactly(audio.id(), other.id(), audio.id());
        assertThat(stored.get(0).language()).isEqualTo("en-US");
        assertThat(stored).extracting(Transcription::createdAt).containsOnly(stored.get(0).createdAt());
        for (Transcription transcription : stored) {
            assertThat(store.transcriptions().get(transcription.id())).isEqualTo(transcription);
        }
        assertThat(stored(audio)).containsExactlyInAnyOrder(stored.get(0), stored.get(2));
    }

    @Test
    void invalidatesTheCachedListsOfEveryAudioFileItNames() {
        Transcription first = store.transcriptions().add(audio.id(), NewTranscription.of("first", "en").withModel("m-1"));
        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(first);
        assertThat(store.transcriptions().latestPerModelVersion(audio.id())).containsExactly(first);
        assertThat(store.transcriptions().listForAudioFile(other.id())).isEmpty();

        List<Transcription> batch = store.transcriptions().addBatch(List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("second", "en").withModel("m-1")),
                TranscriptionItem.of(other.id(), NewTranscription.of("other", "en"))));

        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactlyInAnyOrder(first, batch.get(0));
        assertThat(store.transcriptions().latestPerModelVersion(audio.id())).containsExactly(batch.get(0));
        assertThat(store.transcriptions().listForAudioFile(other.id())).containsExactly(batch.get(1));
    }

    /** A bad transcription as the third item of a batch whose first two are good, and the field the refusal names. */
    static Stream<Arguments> badItems() {
        return Stream.of(
                Arguments.of("confidence above 1", NewTranscription.of("x", "en").withConfidence(1.5), "items[2].confidence"),
                Arguments.of("unknown language", NewTranscription.of("x", "zz"), "items[2].language"),
                Arguments.of("malformed language", NewTranscription.of("x", "en--US"), "items[2].language"),
                Arguments.of("no content", NewTranscription.of(null, "en"), "items[2].content"),
                Arguments.of("model version too long", NewTranscription.of("x", "en").withModel("m".repeat(51)),
                        "items[2].model_version"),
                Arguments.of("overlapping segments", NewTranscription.of("a b", "en").withMetadata(segments(
                        "{\"start\": 0, \"end\": 3, \"text\": \"a\"}, {\"start\": 2, \"end\": 4, \"text\": \"b\"}")),
                        "items[2].segments[1]"),
                Arguments.of("segment past the end of the audio", NewTranscription.of("late", "en").withMetadata(segments(
                        "{\"start\": 8, \"end\": 12.5, \"text\": \"late\"}")), "items[2].segments[0]"),
                Arguments.of("metadata over 64 KiB", NewTranscription.of("x", "en").withMetadata(
                        Metadata.empty().put("notes", "n".repeat(Metadata.MAX_BYTES))),
                        "items[2].metadata"),
                Arguments.of("a NUL character in the content", NewTranscription.of("a\0b", "en"), "items[2].content"),
                Arguments.of("a NUL character in the model version", NewTranscription.of("ab", "en").withModel("m\0"),
                        "items[2].model_version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badItems")
    void oneBadItemFailsTheWholeBatchNamingItAndStoresNothing(String what, NewTranscription bad, String field) {
        List<TranscriptionItem> items = List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("good", "en")),
                TranscriptionItem.of(other.id(), NewTranscription.of("good", "en")),
                TranscriptionItem.of(audio.id(), bad));

        assertThatThrownBy(() -> store.transcriptions().addBatch(items))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
        assertThat(stored(audio)).isEmpty();
        assertThat(stored(other)).isEmpty();
    }

    @Test
    void anItemOfAnUnknownAudioFileIsNotFoundAndNothingIsStored() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(
                        TranscriptionItem.of(audio.id(), NewTranscription.of("good", "en")),
                        TranscriptionItem.of(unknown, NewTranscription.of("orphan", "en")))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo("audio file");
                    assertThat(e.id()).isEqualTo(unknown.toString());
                });
        assertThat(stored(audio)).isEmpty();
    }

    @Test
    void anItemWithoutAudioFileOrTranscriptionIsNamed() {
        List<TranscriptionItem> items = new ArrayList<>();
        items.add(TranscriptionItem.of(audio.id(), NewTranscription.of("good", "en")));
        items.add(null);

        assertThatThrownBy(() -> store.transcriptions().addBatch(items))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items[1]"));
        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(TranscriptionItem.of(null, NewTranscription.of("x", "en")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items[0]"));
        assertThat(stored(audio)).isEmpty();
    }

    @Test
    void anEmptyOrOversizedBatchIsRefusedNamingTheItems() {
        List<TranscriptionItem> tooMany = Collections.nCopies(TranscriptionService.MAX_BATCH + 1,
                TranscriptionItem.of(audio.id(), NewTranscription.of("x", "en")));

        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items"));
        assertThatThrownBy(() -> store.transcriptions().addBatch(tooMany))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items"));
        assertThat(stored(audio)).isEmpty();
    }

    @Test
    void theLargestBatchIsStoredWhole() {
        List<TranscriptionItem> items = Collections.nCopies(TranscriptionService.MAX_BATCH,
                TranscriptionItem.of(audio.id(), NewTranscription.of("again and again", "en").withMetadata(
                        segments("{\"start\": 0, \"end\": 9.5, \"text\": \"again and again\"}"))));

        List<Transcription> stored = store.transcriptions().addBatch(items);

        assertThat(stored).extracting(Transcription::id).doesNotHaveDuplicates();
        assertThat(store.transcriptions().listForAudioFile(audio.id())).hasSize(TranscriptionService.MAX_BATCH);
    }

    /** What the catalog holds for the audio file, read past the cache. */
    private List<Transcription> stored(AudioFile file) {
        return store.transcriptions().list(TranscriptionQuery.all().withAudioFile(file.id()), PageRequest.first(100)).items();
    }

    private static ObjectNode segments(String segments) {
        return Metadata.parseObject("metadata", "{\"segments\": [" + segments + "]}");
    }
}
