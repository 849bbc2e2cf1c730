package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link Transcriptions}: storage, batches, per-file lists, latest per model version, filters. */
interface TranscriptionsContract extends UsesCatalog, TranscriptionBatchContract {

    @Test
    default void insertedTranscriptionReadsBackEqualWithItsSegments() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription transcription = Samples.transcription(file.id(), at(3), "whisper-large-v3");

        assertThat(catalog().transcriptions().insert(transcription)).isEqualTo(transcription);

        Transcription read = catalog().transcriptions().get(transcription.id());
        assertThat(read).isEqualTo(transcription);
        List<Segment> segments = Segments.fromMetadata(read.metadata());
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0)).isEqualTo(new Segment(0.0, 1.25, "hello", "A", List.of(new WordTiming(0.0, 1.25, "hello", 0.98))));
        assertThat(segments.get(1).speaker()).isNull();
    }

    @Test
    default void anIdempotencyKeyIsUniquePerAudioFileAndFindsItsTranscription() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AudioFile other = catalog().audioFiles().insert(Samples.audio());
        Transcription first = Samples.transcription(file.id(), at(3), "w-1");

        catalog().transcriptions().insert(first, "retry-1");

        assertThat(catalog().transcriptions().findByIdempotencyKey(file.id(), "retry-1")).contains(first);
        assertThat(catalog().transcriptions().findByIdempotencyKey(file.id(), "retry-2")).isEmpty();
        assertThat(catalog().transcriptions().findByIdempotencyKey(other.id(), "retry-1")).isEmpty();
        assertThatThrownBy(() -> catalog().transcriptions().insert(Samples.transcription(file.id(), at(4), "w-1"), "retry-1"))
                .isInstanceOf(ConflictException.class);
        Transcription elsewhere = Samples.transcription(other.id(), at(4), "w-1");
        assertThat(catalog().transcriptions().insert(elsewhere, "retry-1")).as("another audio file's key").isEqualTo(elsewhere);
        catalog().transcriptions().insert(Samples.transcription(file.id(), at(5), "w-1"));
        catalog().transcriptions().insert(Samples.transcription(file.id(), at(6), "w-1"));
        assertThat(catalog().transcriptions().listForAudioFile(file.id())).as("keyless rows do not collide").hasSize(3);
    }

    @Test
    default void aRowLargerThanTheDatabaseTakesIsStoredOrRefusedAsInputAndTheCatalogStaysUsable() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        // Over MariaDB's default max_allowed_packet (16 MiB); PostgreSQL and SQLite take it.
        Transcription large = new Transcription(UUID.randomUUID(), file.id(), "a".repeat(17 * 1024 * 1024), "en", null, at(1),
                null, null, at(1), null);

        try {
            catalog().transcriptions().insert(large);
            assertThat(catalog().transcriptions().get(large.id()).content()).hasSameSizeAs(large.content());
        } catch (InvalidInputException e) {
            assertThat(e).hasMessageContaining("larger than the database takes");
            assertThat(e.field()).as("the large value").isEqualTo("content");
            assertThat(catalog().transcriptions().find(large.id())).isEmpty();
        }
        Translation largeTranslation = new Translation(UUID.randomUUID(), small(file).id(), "b".repeat(17 * 1024 * 1024),
                "en", "de", null, at(3), null, null, at(3), null);
        try {
            catalog().translations().insert(largeTranslation);
            assertThat(catalog().translations().get(largeTranslation.id()).content()).hasSameSizeAs(largeTranslation.content());
        } catch (InvalidInputException e) {
            assertThat(e.field()).as("the large value").isEqualTo("content");
            assertThat(catalog().translations().find(largeTranslation.id())).isEmpty();
        }
        small(file);
    }

    private Transcription small(AudioFile file) {
        Transcription small = Samples.transcription(file.id(), at(2), "w");
        assertThat(catalog().transcriptions().insert(small)).as("the catalog still takes writes").isEqualTo(small);
        return small;
    }

    @Test
    default void transcriptionWithoutOptionalFieldsReadsBackEqual() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription bare = new Transcription(UUID.randomUUID(), file.id(), "", null, null, at(1), null, null, at(1), null);

        catalog().transcriptions().insert(bare);

        assertThat(catalog().transcriptions().get(bare.id())).isEqualTo(bare);
    }

    @Test
    default void transcriptionOfAMissingAudioFileIsNotFoundNamingTheAudioFile() {
        UUID missing = UUID.randomUUID();
        Transcription orphan = Samples.transcription(missing, at(0), "w-1");

        assertThatThrownBy(() -> catalog().transcriptions().insert(orphan))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo("audio file");
                    assertThat(e.id()).isEqualTo(missing.toString());
                });
        assertThat(catalog().transcriptions().find(orphan.id())).isEmpty();
    }

    @Test
    default void secondTranscriptionWithTheSameIdIsAConflict() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription transcription = catalog().transcriptions().insert(Samples.transcription(file.id(), at(0), "w-1"));

        assertThatThrownBy(() -> catalog().transcriptions().insert(transcription))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(transcription.id().toString());
    }

    @Test
    default void listForAudioFileGivesEveryTranscriptionOfThatFileNewestFirst() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AudioFile other = catalog().audioFiles().insert(Samples.audio());
        Transcription first = catalog().transcriptions().insert(Samples.transcription(file.id(), at(1), "w-1"));
        Transcription second = catalog().transcriptions().insert(Samples.transcription(file.id(), at(2), "w-2"));
        Transcription third = catalog().transcriptions().insert(Samples.transcription(file.id(), at(3), "w-1"));
        catalog().transcriptions().insert(Samples.transcription(other.id(), at(4), "w-1"));

        assertThat(catalog().transcriptions().listForAudioFile(file.id())).containsExactly(third, second, first);
        assertThat(catalog().transcriptions().listForAudioFile(UUID.randomUUID())).isEmpty();
    }

    @Test
    default void latestPerModelVersionKeepsTheNewestRunOfEachVersionCountingNoVersionAsOne() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AudioFile other = catalog().audioFiles().insert(Samples.audio());
        Transcriptions transcriptions = catalog().transcriptions();
        transcriptions.insert(Samples.transcription(file.id(), at(1), "whisper-v2"));
        transcriptions.insert(Samples.transcription(file.id(), at(2), "whisper-v3"));
        Transcription v2 = transcriptions.insert(Samples.transcription(file.id(), at(3), "whisper-v2"));
        Transcription v3 = transcriptions.insert(Samples.transcription(file.id(), at(6), "whisper-v3"));
        transcriptions.insert(Samples.transcription(file.id(), at(4), null));
        Transcription unversioned = transcriptions.insert(Samples.transcription(file.id(), at(5), null));
        transcriptions.insert(Samples.transcription(other.id(), at(9), "whisper-v3"));

        assertThat(transcriptions.latestPerModelVersion(file.id())).containsExactly(v3, unversioned, v2);
    }

    @Test
    default void latestPerModelVersionBreaksTiesOnCreatedAtById() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription a = catalog().transcriptions().insert(Samples.transcription(file.id(), at(1), "w"));
        Transcription b = catalog().transcriptions().insert(Samples.transcription(file.id(), at(1), "w"));
        Transcription larger = a.id().toString().compareTo(b.id().toString()) > 0 ? a : b;

        assertThat(catalog().transcriptions().latestPerModelVersion(file.id())).containsExactly(larger);
    }

    @Test
    default void listFiltersTranscriptionsByAudioFileLanguageModelVersionAndTime() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AudioFile other = catalog().audioFiles().insert(Samples.audio());
        Transcriptions transcriptions = catalog().transcriptions();
        Transcription english = transcriptions.insert(Samples.transcription(file.id(), at(1), "w-1", "en"));
        Transcription german = transcriptions.insert(Samples.transcription(file.id(), at(2), "w-2", "de"));
        Transcription otherEnglish = transcriptions.insert(Samples.transcription(other.id(), at(3), "w-2", "en"));

        assertThat(transcriptions.list(TranscriptionQuery.all().withAudioFile(file.id()), PageRequest.firstPage()).items())
                .containsExactly(german, english);
        assertThat(transcriptions.list(TranscriptionQuery.all().withLanguage("EN"), PageRequest.firstPage()).items())
                .containsExactly(otherEnglish, english);
        assertThat(transcriptions.list(TranscriptionQuery.all().withModelVersion("w-2"), PageRequest.firstPage()).items())
                .containsExactly(otherEnglish, german);
        assertThat(transcriptions.list(TranscriptionQuery.all().withModelVersion("w-2").withAudioFile(file.id()),
                PageRequest.firstPage()).items()).containsExactly(german);
        assertThat(transcriptions.list(TranscriptionQuery.all().createdBetween(at(2), at(3)), PageRequest.firstPage()).items())
                .containsExactly(german);
    }

    @Test
    default void transcriptionPagesVisitEveryRowOnce() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        List<Transcription> inserted = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            inserted.add(catalog().transcriptions().insert(Samples.transcription(file.id(), at(i / 3), "w")));
        }

        List<Transcription> all = UsesCatalog.flatten(UsesCatalog.allPages(
                p -> catalog().transcriptions().list(TranscriptionQuery.all().withAudioFile(file.id()), p), 3));

        assertThat(all).containsExactlyInAnyOrderElementsOf(inserted).doesNotHaveDuplicates();
        assertThat(all).isEqualTo(catalog().transcriptions().listForAudioFile(file.id()));
    }
}
