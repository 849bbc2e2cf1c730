package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link AnalysisResults}: all-or-nothing batches and filtered pages. */
interface AnalysisResultsContract extends UsesCatalog {

    @Test
    default void batchStoresEveryResultAndEachReadsBackEqual() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription transcription = catalog().transcriptions().insert(Samples.transcription(file.id(), at(0), "w"));
        List<AnalysisResult> batch = List.of(
                Samples.result(file.id(), null, "loudness", at(1)),
                Samples.result(null, transcription.id(), "sentiment", at(2)),
                Samples.result(file.id(), transcription.id(), "keywords", at(3)),
                new AnalysisResult(UUID.randomUUID(), file.id(), null, "speech_ratio", Samples.anyJson("0.75"), null, null, at(4)),
                new AnalysisResult(UUID.randomUUID(), file.id(), null, "labels", Samples.anyJson("[\"music\",\"speech\"]"), 1.0,
                        "yamnet", at(5)));

        catalog().analysisResults().insertBatch(batch);

        for (AnalysisResult result : batch) {
            assertThat(catalog().analysisResults().get(result.id())).isEqualTo(result);
        }
    }

    @Test
    default void keyedResultsAreFoundByTheirKeysPerAudioFileAndAStoredKeyIsAConflict() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AudioFile other = catalog().audioFiles().insert(Samples.audio());
        List<AnalysisResult> batch = List.of(
                Samples.result(file.id(), null, "loudness", at(1)),
                Samples.result(file.id(), null, "pitch", at(1)),
                Samples.result(other.id(), null, "loudness", at(1)));

        catalog().analysisResults().insertBatch(batch, Arrays.asList("job-7/loudness", null, "job-7/loudness"));

        assertThat(catalog().analysisResults().findByIdempotencyKeys(List.of(new IdempotencyKey(file.id(), "job-7/loudness"),
                new IdempotencyKey(other.id(), "job-7/loudness"), new IdempotencyKey(file.id(), "job-7/pitch"))))
                .containsOnly(entry(new IdempotencyKey(file.id(), "job-7/loudness"), batch.get(0)),
                        entry(new IdempotencyKey(other.id(), "job-7/loudness"), batch.get(2)));
        AnalysisResult fresh = Samples.result(other.id(), null, "pitch", at(2));
        AnalysisResult reused = Samples.result(file.id(), null, "loudness", at(2));
        assertThatThrownBy(() -> catalog().analysisResults().insertBatch(List.of(fresh, reused),
                Arrays.asList("job-8", "job-7/loudness")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("idempotency key");
        assertThat(catalog().analysisResults().find(fresh.id())).as("the batch is all or nothing").isEmpty();
    }

    @Test
    default void anEmptyBatchStoresNothingAndSucceeds() {
        catalog().analysisResults().insertBatch(List.of());

        assertThat(catalog().analysisResults().list(AnalysisResultQuery.all(), PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    default void aBatchWithOneMissingAudioFileStoresNothingAndNamesTheMissingFile() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        UUID missing = UUID.randomUUID();
        List<AnalysisResult> batch = List.of(
                Samples.result(file.id(), null, "loudness", at(1)),
                Samples.result(file.id(), null, "pitch", at(2)),
                Samples.result(missing, null, "pitch", at(3)),
                Samples.result(file.id(), null, "tempo", at(4)));

        assertThatThrownBy(() -> catalog().analysisResults().insertBatch(batch))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo("audio file");
                    assertThat(e.id()).isEqualTo(missing.toString());
                });
        assertThat(catalog().analysisResults().list(AnalysisResultQuery.all(), PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    default void aBatchWithOneMissingTranscriptionStoresNothingAndNamesIt() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        UUID missing = UUID.randomUUID();
        List<AnalysisResult> batch = List.of(
                Samples.result(file.id(), null, "loudness", at(1)),
                Samples.result(null, missing, "sentiment", at(2)));

        assertThatThrownBy(() -> catalog().analysisResults().insertBatch(batch))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("transcription"));
        assertThat(catalog().analysisResults().find(batch.get(0).id())).isEmpty();
    }

    @Test
    default void aBatchReusingAStoredIdIsAConflictAndStoresNothing() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AnalysisResult stored = Samples.result(file.id(), null, "loudness", at(1));
        catalog().analysisResults().insertBatch(List.of(stored));
        AnalysisResult fresh = Samples.result(file.id(), null, "pitch", at(2));

        assertThatThrownBy(() -> catalog().analysisResults().insertBatch(List.of(fresh, stored)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(stored.id().toString());
        assertThat(catalog().analysisResults().find(fresh.id())).isEmpty();
    }

    @Test
    default void aResultTheCatalogCannotStoreIsNamedByItsPositionAndNothingIsStored() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AnalysisResult good = Samples.result(file.id(), null, "loudness", at(1));
        AnalysisResult nul = new AnalysisResult(UUID.randomUUID(), file.id(), null, "pitch", Samples.anyJson("\"a\\u0000b\""),
                null, "model-v2", at(2));

        assertThatThrownBy(() -> catalog().analysisResults().insertBatch(List.of(good, nul)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("results[1].result"));
        assertThat(catalog().analysisResults().find(good.id())).isEmpty();
    }

    @Test
    default void aBatchNamingOneIdTwiceIsAConflict() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AnalysisResult result = Samples.result(file.id(), null, "loudness", at(1));

        assertThatThrownBy(() -> catalog().analysisResults().insertBatch(List.of(result, result)))
                .isInstanceOf(ConflictException.class);
        assertThat(catalog().analysisResults().find(result.id())).isEmpty();
    }

    @Test
    default void aLargeBatchIsStoredWhole() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        List<AnalysisResult> batch = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            batch.add(Samples.result(file.id(), null, "frame", at(i)));
        }

        catalog().analysisResults().insertBatch(batch);

        List<AnalysisResult> all = UsesCatalog.flatten(UsesCatalog.allPages(
                p -> catalog().analysisResults().list(AnalysisResultQuery.ofAudioFile(file.id()), p), 1000));
        assertThat(all).hasSize(2_345).doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo(batch.get(batch.size() - 1));
    }

    @Test
    default void listFiltersResultsByAudioFileTranscriptionAndType() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AudioFile other = catalog().audioFiles().insert(Samples.audio());
        Transcription transcription = catalog().transcriptions().insert(Samples.transcription(file.id(), at(0), "w"));
        AnalysisResult loudness = Samples.result(file.id(), null, "loudness", at(1));
        AnalysisResult sentiment = Samples.result(null, transcription.id(), "sentiment", at(2));
        AnalysisResult otherLoudness = Samples.result(other.id(), null, "loudness", at(3));
        catalog().analysisResults().insertBatch(List.of(loudness, sentiment, otherLoudness));
        AnalysisResults results = catalog().analysisResults();

        assertThat(results.list(AnalysisResultQuery.ofAudioFile(file.id()), PageRequest.firstPage()).items())
                .containsExactly(loudness);
        assertThat(results.list(AnalysisResultQuery.ofTranscription(transcription.id()), PageRequest.firstPage()).items())
                .containsExactly(sentiment);
        assertThat(results.list(AnalysisResultQuery.all().withType("loudness"), PageRequest.firstPage()).items())
                .containsExactly(otherLoudness, loudness);
        assertThat(results.list(AnalysisResultQuery.all(), PageRequest.first(2)).nextCursor()).isNotNull();
    }
}
