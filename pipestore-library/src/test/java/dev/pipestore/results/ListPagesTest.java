package dev.pipestore.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The paged lists of an audio file's transcriptions and a transcription's translations, on PostgreSQL and Redis: every
 * record once across the pages, newest first, and the cached first page invalidated by every add.
 */
class ListPagesTest extends OnPostgresAndRedis {

    private AudioFile audio;

    @BeforeEach
    void ingest() {
        audio = ingest("call.wav");
    }

    @Test
    void transcriptionPagesVisitEveryTranscriptionOnceNewestFirst() {
        for (int i = 0; i < 7; i++) {
            store.transcriptions().add(audio.id(), NewTranscription.of("take " + i, "en"));
        }

        List<Transcription> paged = all(cursor -> store.transcriptions().listForAudioFile(audio.id(), new PageRequest(3, cursor)));

        assertThat(paged).isEqualTo(store.transcriptions().listForAudioFile(audio.id()));
        assertThat(paged).hasSize(7);
    }

    @Test
    void theCachedFirstTranscriptionPageFollowsEveryAdd() {
        Transcription first = store.transcriptions().add(audio.id(), NewTranscription.of("first", "en"));
        store.cache().delete(CacheKeys.firstTranscriptionPageOf(audio.id())); // the add's invalidation marker, as if expired
        assertThat(store.transcriptions().listForAudioFile(audio.id(), PageRequest.firstPage()).items()).containsExactly(first);
        long hitsBefore = store.readCacheStats().hits();
        assertThat(store.transcriptions().listForAudioFile(audio.id(), PageRequest.firstPage()).items()).containsExactly(first);
        assertThat(store.readCacheStats().hits()).as("the second read is a cache hit").isEqualTo(hitsBefore + 1);

        Transcription second = store.transcriptions().add(audio.id(), NewTranscription.of("second", "en"));
        List<Transcription> batch = store.transcriptions().addBatch(List.of(TranscriptionItem.of(audio.id(),
                NewTranscription.of("third", "en"))));

        assertThat(store.transcriptions().listForAudioFile(audio.id(), PageRequest.firstPage()).items())
                .containsExactly(batch.get(0), second, first);
    }

    @Test
    void translationPagesVisitEveryTranslationOnceAndTheCachedFirstPageFollowsAdds() {
        Transcription source = store.transcriptions().add(audio.id(), NewTranscription.of("good morning", "en"));
        List<Translation> german = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            german.addFirst(store.translations().add(source.id(), new NewTranslation("guten Morgen " + i, null, "de", null, null, null)));
        }
        Translation french = store.translations().add(source.id(), new NewTranslation("bonjour", null, "fr", null, null, null));

        assertThat(all(cursor -> store.translations().listForTranscription(source.id(), "de", new PageRequest(2, cursor))))
                .isEqualTo(german);
        assertThat(store.translations().listForTranscription(source.id(), null, PageRequest.firstPage()).items())
                .hasSize(6).first().isEqualTo(french);
        Translation another = store.translations().add(source.id(), new NewTranslation("hallo", null, "de", null, null, null));
        assertThat(store.translations().listForTranscription(source.id(), "de", PageRequest.firstPage()).items()).first()
                .isEqualTo(another);
        assertThat(store.translations().listForTranscription(source.id(), null, PageRequest.firstPage()).items()).first()
                .isEqualTo(another);
    }

    @Test
    void deletingAnAudioFileDropsItsCachedEmptyLists() {
        AudioFile doomed = ingest("doomed.wav");
        assertThat(store.transcriptions().listForAudioFile(doomed.id(), PageRequest.firstPage()).items()).isEmpty();
        assertThat(store.transcriptions().listForAudioFile(doomed.id())).isEmpty();
        assertThat(store.transcriptions().latestPerModelVersion(doomed.id())).isEmpty();

        assertThat(store.audio().delete(doomed.id())).isTrue();

        assertThatThrownBy(() -> store.transcriptions().listForAudioFile(doomed.id(), PageRequest.firstPage()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.transcriptions().listForAudioFile(doomed.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.transcriptions().latestPerModelVersion(doomed.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPageOfSomethingMissingIsNotFound() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> store.transcriptions().listForAudioFile(missing, PageRequest.firstPage()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> store.translations().listForTranscription(missing, null, PageRequest.firstPage()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(missing.toString());
        assertThat(store.transcriptions().listForAudioFile(audio.id(), PageRequest.firstPage()))
                .isEqualTo(new Page<Transcription>(List.of(), null));
    }

    private static <T> List<T> all(Function<String, Page<T>> pages) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = pages.apply(cursor);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return items;
    }
}
