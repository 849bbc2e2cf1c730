package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link Translations}: storage, per-transcription lists by target language, filters. */
interface TranslationsContract extends UsesCatalog {

    private Transcription someTranscription() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        return catalog().transcriptions().insert(Samples.transcription(file.id(), at(0), "w-1"));
    }

    @Test
    default void insertedTranslationReadsBackEqual() {
        Transcription transcription = someTranscription();
        Translation translation = Samples.translation(transcription.id(), "de-CH", at(2));

        assertThat(catalog().translations().insert(translation)).isEqualTo(translation);
        assertThat(catalog().translations().get(translation.id())).isEqualTo(translation);
    }

    @Test
    default void anIdempotencyKeyIsUniquePerTranscriptionAndFindsItsTranslation() {
        Transcription transcription = someTranscription();
        Transcription other = someTranscription();
        Translation first = Samples.translation(transcription.id(), "de", at(2));

        catalog().translations().insert(first, "tr-1");

        assertThat(catalog().translations().findByIdempotencyKey(transcription.id(), "tr-1")).contains(first);
        assertThat(catalog().translations().findByIdempotencyKey(other.id(), "tr-1")).isEmpty();
        assertThatThrownBy(() -> catalog().translations().insert(Samples.translation(transcription.id(), "de", at(3)), "tr-1"))
                .isInstanceOf(dev.pipestore.ConflictException.class);
        Translation elsewhere = Samples.translation(other.id(), "de", at(3));
        assertThat(catalog().translations().insert(elsewhere, "tr-1")).isEqualTo(elsewhere);
        catalog().translations().insert(Samples.translation(transcription.id(), "fr", at(4)));
        catalog().translations().insert(Samples.translation(transcription.id(), "fr", at(5)));
        assertThat(catalog().translations().listForTranscription(transcription.id(), null)).hasSize(3);
    }

    @Test
    default void translationWithoutOptionalFieldsReadsBackEqual() {
        Transcription transcription = someTranscription();
        Translation bare = new Translation(UUID.randomUUID(), transcription.id(), "x", null, "fr", null, at(1), null, null, at(1),
                at(7));

        catalog().translations().insert(bare);

        assertThat(catalog().translations().get(bare.id())).isEqualTo(bare);
    }

    @Test
    default void translationOfAMissingTranscriptionIsNotFoundNamingTheTranscription() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> catalog().translations().insert(Samples.translation(missing, "de", at(0))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.kind()).isEqualTo("transcription");
                    assertThat(e.id()).isEqualTo(missing.toString());
                });
    }

    @Test
    default void secondTranslationWithTheSameIdIsAConflict() {
        Translation translation = catalog().translations().insert(Samples.translation(someTranscription().id(), "de", at(0)));

        assertThatThrownBy(() -> catalog().translations().insert(translation)).isInstanceOf(ConflictException.class);
    }

    @Test
    default void unknownTranslationIsNotFound() {
        assertThatThrownBy(() -> catalog().translations().get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    default void listForTranscriptionGivesAllTargetsOrOneNewestFirst() {
        Transcription transcription = someTranscription();
        Transcription other = someTranscription();
        Translation german = catalog().translations().insert(Samples.translation(transcription.id(), "de", at(1)));
        Translation french = catalog().translations().insert(Samples.translation(transcription.id(), "fr", at(2)));
        Translation germanAgain = catalog().translations().insert(Samples.translation(transcription.id(), "de", at(3)));
        catalog().translations().insert(Samples.translation(other.id(), "de", at(4)));

        assertThat(catalog().translations().listForTranscription(transcription.id(), null))
                .containsExactly(germanAgain, french, german);
        assertThat(catalog().translations().listForTranscription(transcription.id(), "DE"))
                .containsExactly(germanAgain, german);
        assertThat(catalog().translations().listForTranscription(transcription.id(), "es")).isEmpty();
    }

    @Test
    default void listFiltersTranslationsByTranscriptionTargetModelAndTime() {
        Transcription transcription = someTranscription();
        Transcription other = someTranscription();
        Translation german = catalog().translations().insert(Samples.translation(transcription.id(), "de", at(1)));
        Translation french = catalog().translations().insert(Samples.translation(other.id(), "fr", at(2)));
        Translation bare = catalog().translations().insert(new Translation(UUID.randomUUID(), other.id(), "y", null, "de", null,
                at(3), "m2m-100", null, at(3), null));
        Translations translations = catalog().translations();

        assertThat(translations.list(TranslationQuery.all().withTargetLanguage("de"), PageRequest.firstPage()).items())
                .containsExactly(bare, german);
        assertThat(translations.list(TranslationQuery.all().withTranscription(other.id()), PageRequest.firstPage()).items())
                .containsExactly(bare, french);
        assertThat(translations.list(TranslationQuery.all().withModelVersion("m2m-100"), PageRequest.firstPage()).items())
                .containsExactly(bare);
        assertThat(translations.list(TranslationQuery.all().createdBetween(at(1), at(3)), PageRequest.firstPage()).items())
                .containsExactly(french, german);
    }

    @Test
    default void translationPagesVisitEveryRowOnce() {
        Transcription transcription = someTranscription();
        List<Translation> inserted = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            inserted.add(catalog().translations().insert(Samples.translation(transcription.id(), "de", at(i / 4))));
        }

        List<Translation> all = UsesCatalog.flatten(UsesCatalog.allPages(
                p -> catalog().translations().list(TranslationQuery.all().withTargetLanguage("de"), p), 2));

        assertThat(all).containsExactlyInAnyOrderElementsOf(inserted).doesNotHaveDuplicates();
    }
}
