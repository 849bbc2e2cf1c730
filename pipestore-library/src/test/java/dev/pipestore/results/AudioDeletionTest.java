package dev.pipestore.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AnalysisResult;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileDeletion;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.Translation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deleting an audio file with what was derived from it, on PostgreSQL and Redis: nothing of it can be read afterwards,
 * not even from lists and records the cache held.
 */
class AudioDeletionTest extends OnPostgresAndRedis {

    @Test
    void deletingWithDependentsLeavesNothingToReadNotEvenCachedReads() {
        AudioFile file = ingest("erase-me.wav");
        Transcription first = store.transcriptions().add(file.id(), NewTranscription.of("hello", "en").withModel("m-1"));
        Transcription second = store.transcriptions().add(file.id(), NewTranscription.of("hello again", "en").withModel("m-2"));
        Translation german = store.translations().add(first.id(), NewTranslation.of("hallo", "de"));
        Translation french = store.translations().add(second.id(), NewTranslation.of("bonjour", "fr"));
        List<AnalysisResult> results = store.results().addBatch(List.of(
                new NewAnalysisResult(file.id(), null, "loudness", Metadata.parseObject("result", "{\"lufs\":-20}"), null, null),
                new NewAnalysisResult(null, first.id(), "sentiment", Metadata.parseObject("result", "{\"label\":\"ok\"}"),
                        0.9, null)));
        readEverythingThroughTheCache(file, first, second, german, french);

        AudioFileDeletion deletion = store.audio().deleteWithDependents(file.id()).orElseThrow();

        assertThat(deletion.transcriptionIds()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(deletion.translations()).hasSize(2);
        assertThat(deletion.analysisResults()).isEqualTo(2);
        assertThat(store.audio().find(file.id())).isEmpty();
        assertThat(store.objects().head(file.objectKey())).isEmpty();
        for (Transcription gone : List.of(first, second)) {
            assertThat(store.transcriptions().find(gone.id())).isEmpty();
            assertThatThrownBy(() -> store.translations().listForTranscription(gone.id(), null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> store.translations().listForTranscription(gone.id(), null, PageRequest.firstPage()))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(store.translations().find(german.id())).isEmpty();
        assertThat(store.translations().find(french.id())).isEmpty();
        assertThatThrownBy(() -> store.translations().listForTranscription(first.id(), "de")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.translations().listForTranscription(first.id(), "es")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.translations().listForTranscription(first.id(), "es", PageRequest.firstPage()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.translations().listForTranscription(second.id(), "fr", PageRequest.firstPage()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.transcriptions().listForAudioFile(file.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.transcriptions().listForAudioFile(file.id(), PageRequest.firstPage()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.transcriptions().latestPerModelVersion(file.id())).isInstanceOf(NotFoundException.class);
        results.forEach(result -> assertThat(store.results().find(result.id())).isEmpty());
    }

    @Test
    void aPlainDeleteOfAFileWithATranscriptionIsRefusedAndKeepsEverything() {
        AudioFile file = ingest("keep-me.wav");
        Transcription transcription = store.transcriptions().add(file.id(), NewTranscription.of("hello", "en"));

        assertThatThrownBy(() -> store.audio().delete(file.id()))
                .isInstanceOf(ConflictException.class).hasMessageContaining(file.id().toString());

        assertThat(store.audio().get(file.id())).isEqualTo(file);
        assertThat(store.objects().head(file.objectKey())).isPresent();
        assertThat(store.transcriptions().get(transcription.id())).isEqualTo(transcription);
    }

    @Test
    void deletingWithDependentsAFileThatDoesNotExistIsEmpty() {
        assertThat(store.audio().deleteWithDependents(UUID.randomUUID())).isEmpty();
    }

    private void readEverythingThroughTheCache(AudioFile file, Transcription first, Transcription second, Translation german,
            Translation french) {
        // The writes just made left invalidation markers that keep fills out for a few seconds: as if they had passed.
        for (String key : List.of(CacheKeys.transcriptionsOf(file.id()), CacheKeys.firstTranscriptionPageOf(file.id()),
                CacheKeys.latestTranscriptionsOf(file.id()), CacheKeys.translationsOf(first.id(), null),
                CacheKeys.firstTranslationPageOf(first.id(), null), CacheKeys.translationsOf(first.id(), "de"),
                CacheKeys.firstTranslationPageOf(first.id(), "de"), CacheKeys.translationsOf(second.id(), null),
                CacheKeys.firstTranslationPageOf(second.id(), null), CacheKeys.translationsOf(second.id(), "fr"),
                CacheKeys.firstTranslationPageOf(second.id(), "fr"))) {
            store.cache().delete(key);
        }
        long hitsBefore = 0;
        for (int i = 0; i < 2; i++) {
            hitsBefore = store.readCacheStats().hits();
            store.transcriptions().get(first.id());
            store.transcriptions().get(second.id());
            store.translations().get(german.id());
            store.translations().get(french.id());
            store.transcriptions().listForAudioFile(file.id());
            store.transcriptions().listForAudioFile(file.id(), PageRequest.firstPage());
            store.transcriptions().latestPerModelVersion(file.id());
            for (Transcription t : List.of(first, second)) {
                store.translations().listForTranscription(t.id(), null);
                store.translations().listForTranscription(t.id(), null, PageRequest.firstPage());
            }
            store.translations().listForTranscription(first.id(), "de");
            store.translations().listForTranscription(second.id(), "fr", PageRequest.firstPage());
            // Languages it has no translation in: empty lists the deletion knows nothing of.
            store.translations().listForTranscription(first.id(), "es");
            store.translations().listForTranscription(first.id(), "es", PageRequest.firstPage());
        }
        assertThat(store.readCacheStats().hits() - hitsBefore).as("every read of the second round is a cache hit, the transcriptions behind empty lists too").isEqualTo(17);
    }
}
