package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link Transcriptions#insertBatch}: a batch is stored whole or not at all, and a bad row is named. */
interface TranscriptionBatchContract extends UsesCatalog {

    @Test
    default void aTranscriptionBatchStoresEveryRowAndEachReadsBackEqual() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AudioFile other = catalog().audioFiles().insert(Samples.audio());
        List<Transcription> batch = List.of(
                Samples.transcription(file.id(), at(1), "whisper-v3"),
                Samples.transcription(file.id(), at(2), null, "de-AT"),
                Samples.transcription(other.id(), at(3), "whisper-v2"),
                new Transcription(UUID.randomUUID(), other.id(), "", null, null, at(4), null, null, at(4), null));

        catalog().transcriptions().insertBatch(batch);

        for (Transcription transcription : batch) {
            assertThat(catalog().transcriptions().get(transcription.id())).isEqualTo(transcription);
        }
        assertThat(catalog().transcriptions().listForAudioFile(file.id())).containsExactly(batch.get(1), batch.get(0));
    }

    @Test
    default void keyedBatchRowsAreFoundByTheirKeysPerAudioFile() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        AudioFile other = catalog().audioFiles().insert(Samples.audio());
        List<Transcription> batch = List.of(
                Samples.transcription(file.id(), at(1), "w-1"),
                Samples.transcription(file.id(), at(1), "w-2"),
                Samples.transcription(other.id(), at(1), "w-1"));

        catalog().transcriptions().insertBatch(batch, Arrays.asList("job-7", null, "job-7"));

        assertThat(catalog().transcriptions().findByIdempotencyKeys(List.of(new IdempotencyKey(file.id(), "job-7"),
                new IdempotencyKey(other.id(), "job-7"), new IdempotencyKey(file.id(), "job-8"))))
                .containsOnly(entry(new IdempotencyKey(file.id(), "job-7"), batch.get(0)),
                        entry(new IdempotencyKey(other.id(), "job-7"), batch.get(2)));
        assertThat(catalog().transcriptions().findByIdempotencyKey(other.id(), "job-7")).contains(batch.get(2));
        assertThat(catalog().transcriptions().findByIdempotencyKeys(List.of())).isEmpty();
    }

    @Test
    default void aBatchReusingAStoredKeyIsAConflictAndStoresNothing() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        catalog().transcriptions().insert(Samples.transcription(file.id(), at(1), "w"), "job-1");
        Transcription fresh = Samples.transcription(file.id(), at(2), "w");
        Transcription reused = Samples.transcription(file.id(), at(2), "w");

        assertThatThrownBy(() -> catalog().transcriptions().insertBatch(List.of(fresh, reused), Arrays.asList("job-2", "job-1")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("idempotency key");

        assertThat(catalog().transcriptions().find(fresh.id())).isEmpty();
        assertThat(catalog().transcriptions().findByIdempotencyKey(file.id(), "job-2")).isEmpty();
    }

    @Test
    default void keysAreLookedUpManyPerQueryAcrossChunks() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        List<Transcription> batch = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<IdempotencyKey> asked = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) {
            batch.add(Samples.transcription(file.id(), at(1), "w"));
            keys.add("k-" + i);
            asked.add(new IdempotencyKey(file.id(), "k-" + i));
        }
        catalog().transcriptions().insertBatch(batch, keys);

        var found = catalog().transcriptions().findByIdempotencyKeys(asked);

        assertThat(found).hasSize(batch.size());
        assertThat(found.get(new IdempotencyKey(file.id(), "k-1200"))).isEqualTo(batch.get(1_200));
    }

    @Test
    default void anEmptyTranscriptionBatchStoresNothingAndSucceeds() {
        catalog().transcriptions().insertBatch(List.of());

        assertThat(catalog().transcriptions().list(TranscriptionQuery.all(), PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    default void aTranscriptionBatchWithOneMissingAudioFileStoresNothingAndNamesTheFile() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        UUID missing = UUID.randomUUID();
        List<Transcription> batch = List.of(
                Samples.transcription(file.id(), at(1), "w"),
                Samples.transcription(file.id(), at(2), "w"),
                Samples.transcription(missing, at(3), "w"),
                Samples.transcription(file.id(), at(4), "w"));

        assertThatThrownBy(() -> catalog().transcriptions().insertBatch(batch))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo("audio file");
                    assertThat(e.id()).isEqualTo(missing.toString());
                });
        assertThat(catalog().transcriptions().list(TranscriptionQuery.all(), PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    default void aTranscriptionBatchReusingAStoredIdIsAConflictNamingItAndStoresNothing() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription stored = catalog().transcriptions().insert(Samples.transcription(file.id(), at(1), "w"));
        Transcription fresh = Samples.transcription(file.id(), at(2), "w");

        assertThatThrownBy(() -> catalog().transcriptions().insertBatch(List.of(fresh, stored)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(stored.id().toString());
        assertThat(catalog().transcriptions().find(fresh.id())).isEmpty();
    }

    @Test
    default void aStoredIdIsNamedEvenWhenARowQuotesTheKeyIndexName() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription stored = catalog().transcriptions().insert(Samples.transcription(file.id(), at(1), "w"));
        Transcription quoting = new Transcription(UUID.randomUUID(), file.id(), "ux_transcriptions_idempotency"
                + " transcriptions.idempotency_key", "en", null, at(2), null, null, at(2), null);

        assertThatThrownBy(() -> catalog().transcriptions().insertBatch(List.of(quoting, stored), Arrays.asList("k", null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(stored.id().toString());
    }

    @Test
    default void aTranscriptionBatchNamingOneIdTwiceIsAConflictAndStoresNothing() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription transcription = Samples.transcription(file.id(), at(1), "w");

        assertThatThrownBy(() -> catalog().transcriptions().insertBatch(List.of(transcription, transcription)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(transcription.id().toString());
        assertThat(catalog().transcriptions().find(transcription.id())).isEmpty();
    }

    @Test
    default void aTranscriptionTheCatalogCannotStoreIsNamedByItsPositionAndNothingIsStored() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription good = Samples.transcription(file.id(), at(1), "w");
        Transcription nul = new Transcription(UUID.randomUUID(), file.id(), "a\0b", "en", null, at(2), null, null, at(2), null);
        Transcription ancient = new Transcription(UUID.randomUUID(), file.id(), "old", "en", null,
                Instant.parse("0999-12-31T00:00:00Z"), null, null, at(3), null);

        assertThatThrownBy(() -> catalog().transcriptions().insertBatch(List.of(good, nul)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).startsWith("transcriptions[1]."));
        assertThatThrownBy(() -> catalog().transcriptions().insertBatch(List.of(good, ancient)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("transcriptions[1].created_at"));
        assertThat(catalog().transcriptions().find(good.id())).isEmpty();
    }

    @Test
    default void transcriptionTimesInABatchAreStoredToTheMicrosecond() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Instant nanos = at(1).plusNanos(789);
        Transcription precise = new Transcription(UUID.randomUUID(), file.id(), "t", "en", null, nanos, null, null, nanos, null);

        catalog().transcriptions().insertBatch(List.of(precise));

        assertThat(catalog().transcriptions().get(precise.id()).createdAt()).isEqualTo(at(1));
    }

    /** Larger than one JDBC batch chunk (1000 rows), so that a chunk boundary lies inside it. */
    @Test
    default void aLargeTranscriptionBatchIsStoredWhole() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        List<Transcription> batch = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            batch.add(Samples.transcription(file.id(), at(i), "w"));
        }

        catalog().transcriptions().insertBatch(batch);

        List<Transcription> all = UsesCatalog.flatten(UsesCatalog.allPages(
                p -> catalog().transcriptions().list(TranscriptionQuery.all().withAudioFile(file.id()), p), 1000));
        assertThat(all).hasSize(2_345).doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo(batch.get(batch.size() - 1));
    }

    /** A missing audio file in the second chunk rolls back the first chunk too. */
    @Test
    default void aMissingAudioFileAfterTheFirstChunkRollsBackTheWholeTranscriptionBatch() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        List<Transcription> batch = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            batch.add(Samples.transcription(i == 1_100 ? UUID.randomUUID() : file.id(), at(i), "w"));
        }

        assertThatThrownBy(() -> catalog().transcriptions().insertBatch(batch)).isInstanceOf(NotFoundException.class);
        assertThat(catalog().transcriptions().listForAudioFile(file.id())).isEmpty();
    }
}
