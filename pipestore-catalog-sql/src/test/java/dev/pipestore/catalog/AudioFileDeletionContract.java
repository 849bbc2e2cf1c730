package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFileDeletion.DeletedTranslation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The contract of {@link AudioFiles#deleteWithDependents}: everything that refers to the file goes with it, or nothing. */
interface AudioFileDeletionContract extends UsesCatalog {

    @Test
    default void deletingWithDependentsRemovesTranscriptionsTranslationsAndResultsAndNamesThem() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription first = catalog().transcriptions().insert(Samples.transcription(file.id(), Samples.at(1), "w-1"));
        Transcription second = catalog().transcriptions().insert(Samples.transcription(file.id(), Samples.at(2), "w-2"));
        Translation german = catalog().translations().insert(Samples.translation(first.id(), "de", Samples.at(3)));
        Translation french = catalog().translations().insert(Samples.translation(second.id(), "fr", Samples.at(4)));
        AnalysisResult ofFile = Samples.result(file.id(), null, "loudness", Samples.at(5));
        AnalysisResult ofTranscription = Samples.result(file.id(), first.id(), "sentiment", Samples.at(6));
        catalog().analysisResults().insertBatch(List.of(ofFile, ofTranscription));

        AudioFileDeletion deletion = catalog().audioFiles().deleteWithDependents(file.id()).orElseThrow();

        assertThat(deletion.file()).isEqualTo(file);
        assertThat(deletion.transcriptionIds()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(deletion.translations()).containsExactlyInAnyOrder(
                new DeletedTranslation(german.id(), first.id(), "de"), new DeletedTranslation(french.id(), second.id(), "fr"));
        assertThat(deletion.analysisResults()).isEqualTo(2);
        assertThat(catalog().audioFiles().find(file.id())).isEmpty();
        assertThat(catalog().transcriptions().find(first.id())).isEmpty();
        assertThat(catalog().transcriptions().find(second.id())).isEmpty();
        assertThat(catalog().translations().find(german.id())).isEmpty();
        assertThat(catalog().translations().find(french.id())).isEmpty();
        assertThat(catalog().analysisResults().find(ofFile.id())).isEmpty();
        assertThat(catalog().analysisResults().find(ofTranscription.id())).isEmpty();
    }

    @Test
    default void deletingWithDependentsLeavesOtherFilesAndTheirResultsAlone() {
        AudioFile doomed = catalog().audioFiles().insert(Samples.audio());
        AudioFile kept = catalog().audioFiles().insert(Samples.audio());
        catalog().transcriptions().insert(Samples.transcription(doomed.id(), Samples.at(1), "w-1"));
        Transcription keptTranscription = catalog().transcriptions().insert(Samples.transcription(kept.id(), Samples.at(1), "w-1"));
        Translation keptTranslation = catalog().translations().insert(Samples.translation(keptTranscription.id(), "de", Samples.at(2)));
        AnalysisResult keptResult = Samples.result(kept.id(), keptTranscription.id(), "sentiment", Samples.at(3));
        catalog().analysisResults().insertBatch(List.of(keptResult));

        catalog().audioFiles().deleteWithDependents(doomed.id()).orElseThrow();

        assertThat(catalog().audioFiles().find(kept.id())).contains(kept);
        assertThat(catalog().transcriptions().listForAudioFile(kept.id())).containsExactly(keptTranscription);
        assertThat(catalog().translations().find(keptTranslation.id())).contains(keptTranslation);
        assertThat(catalog().analysisResults().find(keptResult.id())).isPresent();
    }

    @Test
    default void deletingWithDependentsAFileWithNoneRemovesItAndAMissingFileIsEmpty() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());

        assertThat(catalog().audioFiles().deleteWithDependents(file.id())).contains(AudioFileDeletion.ofFileAlone(file));
        assertThat(catalog().audioFiles().find(file.id())).isEmpty();
        assertThat(catalog().audioFiles().deleteWithDependents(file.id())).isEmpty();
        assertThat(catalog().audioFiles().deleteWithDependents(UUID.randomUUID())).isEmpty();
    }

    /**
     * Writers keep adding transcriptions, translations and results while the file is deleted. Whatever the interleaving,
     * the deletion succeeds, no row is left referring to the file, and a writer that lost the race is told the
     * parent does not exist.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    default void writesRacingTheDeletionEitherGoWithTheFileOrFindItGone() throws Exception {
        for (int round = 0; round < 5; round++) {
            AudioFile file = catalog().audioFiles().insert(Samples.audio());
            Transcription base = catalog().transcriptions().insert(Samples.transcription(file.id(), Samples.at(0), "w-0"));
            List<UUID> written = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 3; w++) {
                    int kind = w;
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 50 && System.nanoTime() < deadline; i++) {
                            try {
                                written.add(writeOne(kind, file.id(), base.id(), i));
                            } catch (NotFoundException e) {
                                return null; // the parent is gone: any other failure fails the test
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                Thread.sleep(round * 3L);
                assertThat(catalog().audioFiles().deleteWithDependents(file.id())).isPresent();
                for (Future<?> writer : writers) {
                    writer.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(catalog().audioFiles().find(file.id())).isEmpty();
            assertThat(catalog().transcriptions().listForAudioFile(file.id())).isEmpty();
            assertThat(catalog().translations().listForTranscription(base.id(), null)).isEmpty();
            assertThat(catalog().analysisResults().list(AnalysisResultQuery.ofAudioFile(file.id()),
                    PageRequest.firstPage()).items()).isEmpty();
            for (UUID id : written) {
                assertThat(catalog().transcriptions().find(id)).isEmpty();
                assertThat(catalog().translations().find(id)).isEmpty();
                assertThat(catalog().analysisResults().find(id)).isEmpty();
            }
        }
    }

    /** Writes one child of the file: a transcription, a translation of {@code transcriptionId}, or a result on it. */
    private UUID writeOne(int kind, UUID fileId, UUID transcriptionId, int i) {
        return switch (kind) {
            case 0 -> catalog().transcriptions().insert(Samples.transcription(fileId, Samples.at(10 + i), "w-1")).id();
            case 1 -> catalog().translations().insert(Samples.translation(transcriptionId, "de", Samples.at(10 + i))).id();
            default -> {
                AnalysisResult result = Samples.result(fileId, transcriptionId, "sentiment", Samples.at(10 + i));
                catalog().analysisResults().insertBatch(List.of(result));
                yield result.id();
            }
        };
    }
}
