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
import dev.pipestore.testing.redis.RedisPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Invariant 3 for the batch writes, on PostgreSQL and Redis: a transcription batch or a result batch sent again with the
 * same per-item idempotency keys stores nothing twice and answers with the records of the first attempt.
 */
class BatchIdempotencyTest extends OnPostgresAndRedis {

    /** The cache of another instance, which this class's store never hears from. */
    @RegisterExtension
    static final RedisPrefix OTHER_REDIS = RedisPrefix.onSharedRedis();
    private AudioFile audio;
    private AudioFile other;

    @BeforeEach
    void ingest() {
        audio = ingest("call.wav");
        other = ingest("other.wav");
    }

    @Test
    void aRetriedTranscriptionBatchAnswersWithTheFirstRecordsAndStoresNothingTwice() {
        List<TranscriptionItem> batch = List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("hello", "en"), "asr-7/0"),
                TranscriptionItem.of(other.id(), NewTranscription.of("hallo", "de"), "asr-7/0"),
                TranscriptionItem.of(audio.id(), NewTranscription.of("unkeyed", "en")));
        List<Transcription> first = store.transcriptions().addBatch(batch.subList(0, 2));

        List<Transcription> retry = store.transcriptions().addBatch(batch);

        assertThat(retry.subList(0, 2)).as("the keyed items, stored by the first attempt").isEqualTo(first);
        assertThat(retry.get(2).content()).isEqualTo("unkeyed");
        assertThat(store.transcriptions().listForAudioFile(audio.id())).as("read through the cache, which the retry invalidated")
                .containsExactlyInAnyOrder(first.get(0), retry.get(2));
        assertThat(store.transcriptions().listForAudioFile(other.id())).containsExactly(first.get(1));
        assertThat(store.transcriptions().addBatch(batch.subList(0, 2))).isEqualTo(first);
    }

    @Test
    void aKeyHoldingAnotherTranscriptionIsAConflictAndNoItemOfTheBatchIsStored() {
        Transcription first = store.transcriptions().add(audio.id(), NewTranscription.of("hello", "en"), "asr-8");

        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(
                TranscriptionItem.of(other.id(), NewTranscription.of("new", "en")),
                TranscriptionItem.of(audio.id(), NewTranscription.of("something else", "en"), "asr-8"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("asr-8")
                .hasMessageContaining(first.id().toString());

        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(first);
        assertThat(store.transcriptions().listForAudioFile(other.id())).isEmpty();
    }

    @Test
    void anItemNamingAMissingAudioFileIsNamedAndNoItemIsStored() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("fine", "en")),
                TranscriptionItem.of(missing, NewTranscription.of("orphan", "en")))))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("audio file " + missing + " (items[1].audio_file_id) not found");

        assertThat(store.transcriptions().listForAudioFile(audio.id())).isEmpty();
    }

    @Test
    void aRetryDifferingInAnyFieldIsAConflictButNumbersCompareByValue() {
        NewTranscription first = new NewTranscription("hello", "en", 0.9, "m-1", Metadata.parseObject("m", "{\"gain\": 1.50}"));
        Transcription stored = store.transcriptions().addBatch(List.of(TranscriptionItem.of(audio.id(), first, "f-1"))).get(0);

        NewTranscription sameByValue = new NewTranscription("hello", "en", 0.9, "m-1", Metadata.parseObject("m", "{\"gain\": 1.5}"));
        assertThat(store.transcriptions().addBatch(List.of(TranscriptionItem.of(audio.id(), sameByValue, "f-1"))))
                .containsExactly(stored);
        for (NewTranscription changed : List.of(first.withConfidence(0.8),
                new NewTranscription("hello", "en", 0.9, "m-1", Metadata.parseObject("metadata", "{\"gain\": 2}")))) {
            assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(TranscriptionItem.of(audio.id(), changed, "f-1"))))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> store.transcriptions().add(audio.id(), changed, "f-1")).isInstanceOf(ConflictException.class);
        }
        store.results().addBatch(List.of(result(audio.id(), null, "{\"n\": 9007199254740993}", "n")));
        assertThatThrownBy(() -> store.results().addBatch(List.of(result(audio.id(), null, "{\"n\": 9007199254740992}", "n"))))
                .as("equal as doubles, not as numbers").isInstanceOf(ConflictException.class);
        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(stored);
    }

    @Test
    void textNoCatalogStoresAndAMissingResultAreRefusedByTheirFields() {
        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("half \ud800 a pair", "en")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items[0].content"))
                .hasMessageContaining("surrogate");
        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("ok", "en").withModel("m\0")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items[0].model_version"));
        assertThatThrownBy(() -> store.results().addBatch(List.of(
                new NewAnalysisResult(audio.id(), null, "sentiment", null, null, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("results[0].result"));
        assertThat(store.transcriptions().listForAudioFile(audio.id())).isEmpty();
    }

    @Test
    void aKeyTwiceForOneAudioFileOrAMalformedKeyIsRefusedByItemAndNothingIsStored() {
        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("a", "en"), "k"),
                TranscriptionItem.of(other.id(), NewTranscription.of("b", "en"), "k"),
                TranscriptionItem.of(audio.id(), NewTranscription.of("c", "en"), "k"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("items[2].idempotency_key"))
                .hasMessageContaining("item 0 of this batch");
        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("a", "en"), "with space"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("items[0].idempotency_key"));

        assertThat(store.transcriptions().listForAudioFile(audio.id())).isEmpty();
        assertThat(store.transcriptions().listForAudioFile(other.id())).isEmpty();
    }

    @Test
    void aRowTheCatalogRefusesInALaterRoundIsNamedByItsPlaceInTheRequest() {
        store.transcriptions().add(audio.id(), NewTranscription.of("stored", "en"), "first");
        List<TranscriptionItem> batch = new ArrayList<>();
        batch.add(TranscriptionItem.of(audio.id(), NewTranscription.of("stored", "en"), "first"));
        // More rows than one JDBC batch chunk, so the key conflict ends the first round before the bad row is bound.
        for (int i = 0; i < 1_000; i++) {
            batch.add(TranscriptionItem.of(other.id(), NewTranscription.of("row " + i, "en")));
        }
        // Metadata over the limit: only the catalog measures it, naming its row in the batch it was sent.
        ObjectNode large = Metadata.empty().put("notes", "x".repeat(Metadata.MAX_BYTES));
        batch.add(TranscriptionItem.of(other.id(), NewTranscription.of("last", "en").withMetadata(large)));

        assertThatThrownBy(() -> store.transcriptions().addBatch(batch))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).startsWith("items[1001]."))
                .hasMessageContaining("larger than " + Metadata.MAX_BYTES + " bytes");
        assertThat(store.transcriptions().listForAudioFile(other.id())).isEmpty();
    }

    @Test
    void aNulCharacterInContentIsRefusedNamingTheContent() {
        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("ok", "en")),
                TranscriptionItem.of(audio.id(), NewTranscription.of("nul \0 inside", "en")))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("items[1].content"));
        assertThat(store.transcriptions().listForAudioFile(audio.id())).isEmpty();
    }

    @Test
    void identicalTranscriptionBatchesRacingStoreEachItemOnce() throws Exception {
        List<TranscriptionItem> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(TranscriptionItem.of(i % 2 == 0 ? audio.id() : other.id(), NewTranscription.of("part " + i, "en"), "race-" + i));
        }

        Callable<List<Transcription>> add = () -> store.transcriptions().addBatch(batch);
        List<List<Transcription>> answers = race(add, add, add, add);

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(store.transcriptions().listForAudioFile(audio.id())).hasSize(25);
        assertThat(store.transcriptions().listForAudioFile(other.id())).hasSize(25);
    }

    @Test
    void batchesSharingKeysInOppositeOrdersRacingBothSucceedWithTheSameRecords() throws Exception {
        List<TranscriptionItem> forward = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            forward.add(TranscriptionItem.of(audio.id(), NewTranscription.of("part " + i, "en"), "order-" + i));
        }
        List<TranscriptionItem> backward = forward.reversed();

        List<List<Transcription>> answers = race(() -> store.transcriptions().addBatch(forward),
                () -> store.transcriptions().addBatch(backward));

        assertThat(answers.get(1)).isEqualTo(answers.get(0).reversed());
        assertThat(store.transcriptions().listForAudioFile(audio.id())).hasSize(40);
    }

    @Test
    void aRefusedRetryStillInvalidatesWhatItsFirstAttemptLeftCached() {
        List<Transcription> cached = store.transcriptions().listForAudioFile(audio.id());
        // Another instance whose invalidations do not reach this one's cache stands for a first attempt that
        // committed and died before it could invalidate.
        try (PipeStore elsewhere = RealStores.onPostgresAndRedis(dataDir.resolve("elsewhere"), POSTGRES, OTHER_REDIS)) {
            elsewhere.transcriptions().addBatch(List.of(TranscriptionItem.of(audio.id(), NewTranscription.of("first", "en"), "job")));
        }
        assertThat(store.transcriptions().listForAudioFile(audio.id())).as("stale, as set up").isEqualTo(cached);

        assertThatThrownBy(() -> store.transcriptions().addBatch(List.of(
                TranscriptionItem.of(audio.id(), NewTranscription.of("changed", "en"), "job"))))
                .isInstanceOf(ConflictException.class);

        assertThat(store.transcriptions().listForAudioFile(audio.id())).extracting(Transcription::content).containsExactly("first");
    }

    @Test
    void aRetriedResultBatchAnswersWithTheStoredResultsComparingNumbersByValue() {
        Transcription transcription = store.transcriptions().add(audio.id(), NewTranscription.of("hello", "en"));
        List<NewAnalysisResult> batch = List.of(
                result(audio.id(), null, "{\"score\": 1.50, \"labels\": [\"a\"]}", "job-1/sentiment"),
                result(null, transcription.id(), "{\"keywords\": [\"hello\"]}", "job-1/keywords"),
                result(other.id(), null, "{\"score\": 2}", null));
        List<AnalysisResult> first = store.results().addBatch(batch);

        List<AnalysisResult> retry = store.results().addBatch(List.of(
                result(audio.id(), null, "{\"labels\": [\"a\"], \"score\": 1.5}", "job-1/sentiment"),
                result(audio.id(), transcription.id(), "{\"keywords\": [\"hello\"]}", "job-1/keywords")));

        assertThat(retry).isEqualTo(first.subList(0, 2));
        assertThat(store.results().list(AnalysisResultQuery.ofAudioFile(audio.id()), PageRequest.firstPage()).items())
                .hasSize(2);
        assertThatThrownBy(() -> store.results().addBatch(List.of(
                result(other.id(), null, "{}", "fresh"),
                result(audio.id(), null, "{\"score\": 0.2}", "job-1/sentiment"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("job-1/sentiment")
                .hasMessageContaining(first.get(0).id().toString());
        assertThat(store.results().list(AnalysisResultQuery.ofAudioFile(other.id()), PageRequest.firstPage()).items())
                .as("all or none").hasSize(1);
    }

    @Test
    void resultKeysAreCheckedPerAudioFileOfTheirTranscription() {
        Transcription transcription = store.transcriptions().add(audio.id(), NewTranscription.of("hello", "en"));

        assertThatThrownBy(() -> store.results().addBatch(List.of(
                result(audio.id(), null, "{}", "same"),
                result(null, transcription.id(), "{}", "same"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("results[1].idempotency_key"));
        assertThat(store.results().addBatch(List.of(result(audio.id(), null, "{}", "same"), result(other.id(), null, "{}", "same"))))
                .as("one key on two audio files").hasSize(2);
    }

    @Test
    void identicalResultBatchesRacingStoreEachResultOnce() throws Exception {
        List<NewAnalysisResult> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(result(audio.id(), null, "{\"i\": " + i + "}", "r-" + i));
        }

        Callable<List<AnalysisResult>> add = () -> store.results().addBatch(batch);
        List<List<AnalysisResult>> answers = race(add, add, add, add);

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(store.results().list(AnalysisResultQuery.ofAudioFile(audio.id()), PageRequest.first(100)).items())
                .hasSize(40);
    }

    private static NewAnalysisResult result(java.util.UUID audioId, java.util.UUID transcriptionId, String json, String key) {
        return new NewAnalysisResult(audioId, transcriptionId, "sentiment", Metadata.parseObject("result", json), 0.5, "m-1", key);
    }

    /** Runs every call on its own thread, all released together; each must succeed within 30 s. */
    @SafeVarargs
    private static <T> List<T> race(Callable<T>... work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> calls = new ArrayList<>();
            for (Callable<T> call : work) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> call : calls) {
                answers.add(call.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
