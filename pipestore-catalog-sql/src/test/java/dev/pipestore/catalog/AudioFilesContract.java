package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link AudioFiles}: storage, look-ups, filters and keyset pages. */
interface AudioFilesContract extends UsesCatalog {

    @Test
    default void insertedAudioFileReadsBackEqualInEveryField() {
        AudioFile file = Samples.audio(at(0));
        file = new AudioFile(file.id(), file.filePath(), file.fileSize(), file.durationSeconds(), file.createdAt(), file.format(),
                AudioStatus.TRANSCRIBED, file.metadata(), file.contentSha256(), file.originalName(), file.objectKey(),
                StorageTier.ARCHIVE, file.durationPrecise(), file.sampleRate(), file.channels(), file.language(),
                file.idempotencyKey(), at(5), at(9));

        AudioFile inserted = catalog().audioFiles().insert(file);

        assertThat(inserted).isEqualTo(file);
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);
    }

    @Test
    default void audioFileWithoutOptionalFieldsReadsBackEqual() {
        AudioFile file = Samples.minimalAudio(at(0));

        catalog().audioFiles().insert(file);

        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);
    }

    @Test
    default void insertKeepsTimesToTheMicrosecondAndReturnsWhatAGetReturns() {
        Instant nanos = Instant.parse("2026-11-28T10:15:30.123456789Z");
        AudioFile file = Samples.audio(nanos);

        AudioFile inserted = catalog().audioFiles().insert(file);

        assertThat(inserted.createdAt()).isEqualTo(nanos.truncatedTo(ChronoUnit.MICROS));
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(inserted);
    }

    @Test
    default void unknownAudioFileIsEmptyOnFindAndNotFoundOnGet() {
        UUID id = UUID.randomUUID();

        assertThat(catalog().audioFiles().find(id)).isEmpty();
        assertThatThrownBy(() -> catalog().audioFiles().get(id))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.id()).isEqualTo(id.toString()));
    }

    @Test
    default void secondInsertWithTheSameIdIsAConflictNamingTheId() {
        AudioFile file = Samples.audio();
        catalog().audioFiles().insert(file);
        AudioFile again = Samples.withIdempotencyKey(file, "another-key");

        assertThatThrownBy(() -> catalog().audioFiles().insert(again))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(file.id().toString());
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);
    }

    @Test
    default void secondInsertWithTheSameIdempotencyKeyIsAConflictNamingTheKey() {
        AudioFile first = Samples.withIdempotencyKey(Samples.audio(), "upload-7f3a");
        catalog().audioFiles().insert(first);
        AudioFile retry = Samples.withIdempotencyKey(Samples.audio(), "upload-7f3a");

        assertThatThrownBy(() -> catalog().audioFiles().insert(retry))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("idempotency key 'upload-7f3a'");
        assertThat(catalog().audioFiles().find(retry.id())).isEmpty();
    }

    @Test
    default void idempotencyKeysDifferingOnlyInCaseOrAccentAreDifferentKeys() {
        catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), "Upload-é"));
        catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), "upload-é"));
        catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), "Upload-e"));

        assertThat(catalog().audioFiles().findByIdempotencyKey(null, "upload-é")).isPresent();
        assertThat(catalog().audioFiles().findByIdempotencyKey(null, "UPLOAD-É")).isEmpty();
    }

    @Test
    default void manyFilesWithoutIdempotencyKeyDoNotConflict() {
        AudioFile a = Samples.minimalAudio(at(0));
        AudioFile b = Samples.minimalAudio(at(0));

        catalog().audioFiles().insert(a);
        catalog().audioFiles().insert(b);

        assertThat(catalog().audioFiles().find(b.id())).contains(b);
    }

    @Test
    default void findsAnAudioFileByItsIdempotencyKey() {
        AudioFile file = Samples.withIdempotencyKey(Samples.audio(), "retry-me");
        catalog().audioFiles().insert(file);

        assertThat(catalog().audioFiles().findByIdempotencyKey(null, "retry-me")).contains(file);
        assertThat(catalog().audioFiles().findByIdempotencyKey(null, "never-used")).isEmpty();
    }

    @Test
    default void findsAnAudioFileByItsObjectKey() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());

        assertThat(catalog().audioFiles().findByObjectKey(file.objectKey())).contains(file);
        assertThat(catalog().audioFiles().findByObjectKey(file.objectKey() + "x")).isEmpty();
    }

    @Test
    default void aFileWithoutAKeyCanClaimOneOnceAndNotAnothersKey() {
        AudioFile keyless = catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), null).withUploadedBy("key-a"));
        AudioFile keyed = catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), "taken").withUploadedBy("key-a"));

        assertThat(catalog().audioFiles().claimIdempotencyKey(keyless.id(), "k-1")).get()
                .extracting(AudioFile::idempotencyKey).isEqualTo("k-1");
        assertThat(catalog().audioFiles().findByIdempotencyKey("key-a", "k-1")).get().extracting(AudioFile::id)
                .isEqualTo(keyless.id());
        assertThat(catalog().audioFiles().claimIdempotencyKey(keyless.id(), "k-2")).get()
                .as("a file keeps its first key").extracting(AudioFile::idempotencyKey).isEqualTo("k-1");
        AudioFile another = catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), null).withUploadedBy("key-a"));
        assertThatThrownBy(() -> catalog().audioFiles().claimIdempotencyKey(another.id(), keyed.idempotencyKey()))
                .isInstanceOf(ConflictException.class);
        assertThat(catalog().audioFiles().claimIdempotencyKey(UUID.randomUUID(), "k-3")).isEmpty();
    }

    @Test
    default void findBySha256ReturnsTheUploadersOldestFileWithThatContent() {
        String sha = Samples.sha256();
        AudioFile newer = Samples.withSha256(Samples.audio(at(20)), sha).withUploadedBy("key-a");
        AudioFile oldest = Samples.withSha256(Samples.audio(at(10)), sha).withUploadedBy("key-a");
        AudioFile anothers = Samples.withSha256(Samples.audio(at(5)), sha).withUploadedBy("someone else");
        AudioFile nobodys = Samples.withSha256(Samples.audio(at(7)), sha).withUploadedBy(null);
        catalog().audioFiles().insert(newer);
        catalog().audioFiles().insert(oldest);
        catalog().audioFiles().insert(anothers);
        catalog().audioFiles().insert(nobodys);
        catalog().audioFiles().insert(Samples.audio(at(0)));

        assertThat(catalog().audioFiles().findBySha256("key-a", sha)).contains(oldest);
        assertThat(catalog().audioFiles().findBySha256("someone else", sha)).contains(anothers);
        assertThat(catalog().audioFiles().findBySha256(null, sha)).contains(nobodys);
        assertThat(catalog().audioFiles().findBySha256("a third", sha)).isEmpty();
        assertThat(catalog().audioFiles().findBySha256("key-a", Samples.sha256())).isEmpty();
    }

    @Test
    default void listFiltersByStatusCreationRangeAndLanguage() {
        AudioFiles files = catalog().audioFiles();
        AudioFile early = files.insert(Samples.withLanguage(Samples.audio(at(0)), "de"));
        AudioFile middle = files.insert(Samples.withLanguage(Samples.audio(at(10)), "en-US"));
        AudioFile late = files.insert(Samples.withLanguage(Samples.audio(at(20)), "en-US"));
        AudioFile failed = files.updateStatus(late.id(), AudioStatus.UPLOADED, AudioStatus.FAILED);

        assertThat(files.list(AudioFileQuery.all().withStatus(AudioStatus.FAILED), PageRequest.firstPage()).items())
                .containsExactly(failed);
        assertThat(files.list(AudioFileQuery.all().createdBetween(at(0), at(20)), PageRequest.firstPage()).items())
                .containsExactly(middle, early);
        assertThat(files.list(AudioFileQuery.all().createdBetween(at(10), null), PageRequest.firstPage()).items())
                .containsExactly(failed, middle);
        assertThat(files.list(AudioFileQuery.all().withLanguage("EN-us"), PageRequest.firstPage()).items())
                .containsExactly(failed, middle);
        assertThat(files.list(AudioFileQuery.all().withLanguage("en-US").withStatus(AudioStatus.UPLOADED),
                PageRequest.firstPage()).items()).containsExactly(middle);
        assertThat(files.list(AudioFileQuery.all().createdBetween(Instant.MIN, Instant.MAX), PageRequest.firstPage()).items())
                .hasSize(3);
    }

    @Test
    default void keysetPagesVisitEveryFileExactlyOnceNewestFirstEvenWithTiesOnCreatedAt() {
        List<AudioFile> inserted = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Groups of five share one instant, so pages must break ties by id.
            inserted.add(catalog().audioFiles().insert(Samples.minimalAudio(at(i / 5))));
        }
        List<AudioFile> expected = inserted.stream()
                .sorted(Comparator.comparing(AudioFile::createdAt).thenComparing(f -> f.id().toString()).reversed())
                .toList();

        List<List<AudioFile>> pages = UsesCatalog.allPages(p -> catalog().audioFiles().list(AudioFileQuery.all(), p), 4);

        assertThat(pages).hasSize(6);
        assertThat(pages.get(5)).hasSize(3);
        assertThat(UsesCatalog.flatten(pages)).containsExactlyElementsOf(expected);
    }

    @Test
    default void lastPageHasNoCursorWhenTheRowsFitExactly() {
        for (int i = 0; i < 4; i++) {
            catalog().audioFiles().insert(Samples.minimalAudio(at(i)));
        }

        Page<AudioFile> first = catalog().audioFiles().list(AudioFileQuery.all(), PageRequest.first(2));
        Page<AudioFile> second = catalog().audioFiles().list(AudioFileQuery.all(), new PageRequest(2, first.nextCursor()));

        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).hasSize(2);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    default void aCursorThatWasNotIssuedIsInvalidInput() {
        assertThatThrownBy(() -> catalog().audioFiles().list(AudioFileQuery.all(), new PageRequest(10, "not-a-cursor!")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        String wellFormedBase64 = java.util.Base64.getUrlEncoder().encodeToString("yesterday|someone".getBytes());
        assertThatThrownBy(() -> catalog().audioFiles().list(AudioFileQuery.all(), new PageRequest(10, wellFormedBase64)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    default void timesBeyondWhatEveryDatabaseStoresAreInvalidInput() {
        AudioFile farFuture = Samples.audio(Instant.parse("+10000-01-01T00:00:00Z"));

        assertThatThrownBy(() -> catalog().audioFiles().insert(farFuture))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("created_at"));
        assertThat(catalog().audioFiles().find(farFuture.id())).isEmpty();
    }

    @Test
    default void creationRangeBoundsWithNanosecondsAreExact() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(at(10)));
        Instant justAfter = at(10).plusNanos(1);

        assertThat(catalog().audioFiles().list(AudioFileQuery.all().createdBetween(justAfter, null), PageRequest.firstPage())
                .items()).isEmpty();
        assertThat(catalog().audioFiles().list(AudioFileQuery.all().createdBetween(null, justAfter), PageRequest.firstPage())
                .items()).containsExactly(file);
        assertThat(catalog().audioFiles().list(AudioFileQuery.all().createdBetween(at(10), at(10)), PageRequest.firstPage())
                .items()).isEmpty();
    }
}
