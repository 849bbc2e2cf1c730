package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.NotFoundException;
import dev.pipestore.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of {@link AudioFiles}' changes: compare-and-set status, metadata replacement, deletion. */
interface AudioFileChangesContract extends UsesCatalog {

    @Test
    default void updateStatusMovesTheFileWhenTheExpectedStatusMatches() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(at(0)));

        AudioFile moved = catalog().audioFiles().updateStatus(file.id(), AudioStatus.UPLOADED, AudioStatus.PROCESSING);

        assertThat(moved.status()).isEqualTo(AudioStatus.PROCESSING);
        assertThat(moved.updatedAt()).isAfter(file.updatedAt());
        assertThat(moved).isEqualTo(file.withStatus(AudioStatus.PROCESSING, moved.updatedAt()));
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(moved);
    }

    @Test
    default void updateStatusFromAStatusTheFileIsNotInIsAConflictAndChangesNothing() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(at(0)));

        assertThatThrownBy(() -> catalog().audioFiles().updateStatus(file.id(), AudioStatus.PROCESSING, AudioStatus.TRANSCRIBED))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is uploaded, not processing");
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);
    }

    @Test
    default void updateStatusOfAnUnknownFileIsNotFound() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> catalog().audioFiles().updateStatus(id, AudioStatus.UPLOADED, AudioStatus.PROCESSING))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("audio file"));
    }

    @Test
    default void ofConcurrentWorkersClaimingOneFileExactlyOneWins() throws Exception {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(at(0)));
        int workers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                Callable<Boolean> claim = () -> {
                    try {
                        catalog().audioFiles().updateStatus(file.id(), AudioStatus.UPLOADED, AudioStatus.PROCESSING);
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                };
                claims.add(pool.submit(claim));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void updateMetadataReplacesTheObjectAndTouchesUpdatedAt() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(at(0)));
        var replacement = Samples.json("{\"reviewed\":true,\"reviewer\":{\"name\":\"Zoë\",\"id\":7}}");

        AudioFile updated = catalog().audioFiles().updateMetadata(file.id(), replacement);

        assertThat(updated.metadata()).isEqualTo(replacement);
        assertThat(updated.updatedAt()).isAfter(file.updatedAt());
        assertThat(updated).isEqualTo(file.withMetadata(replacement, updated.updatedAt()));
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(updated);
    }

    @Test
    default void updateMetadataOfAnUnknownFileIsNotFound() {
        assertThatThrownBy(() -> catalog().audioFiles().updateMetadata(UUID.randomUUID(), Metadata.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    default void deleteRemovesTheRowAndSaysWhetherThereWasOne() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());

        assertThat(catalog().audioFiles().delete(file.id())).isTrue();
        assertThat(catalog().audioFiles().find(file.id())).isEmpty();
        assertThat(catalog().audioFiles().delete(file.id())).isFalse();
    }

    @Test
    default void deletingAnAudioFileThatHasATranscriptionIsAConflictAndKeepsBoth() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription transcription = catalog().transcriptions().insert(Samples.transcription(file.id(), Samples.now(), "w-1"));

        assertThatThrownBy(() -> catalog().audioFiles().delete(file.id()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(file.id().toString());
        assertThat(catalog().audioFiles().find(file.id())).isPresent();
        assertThat(catalog().transcriptions().find(transcription.id())).isPresent();
    }

    @Test
    default void deletingAnAudioFileThatHasAnAnalysisResultIsAConflict() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        catalog().analysisResults().insertBatch(List.of(Samples.result(file.id(), null, "loudness", Samples.now())));

        assertThatThrownBy(() -> catalog().audioFiles().delete(file.id())).isInstanceOf(ConflictException.class);
        assertThat(catalog().audioFiles().find(file.id())).isPresent();
    }

    @Test
    default void theCatalogKeepsWorkingAfterRefusedWrites() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> catalog().audioFiles().insert(file)).isInstanceOf(StoreException.class);
        }

        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);
        catalog().ping();
    }
}
