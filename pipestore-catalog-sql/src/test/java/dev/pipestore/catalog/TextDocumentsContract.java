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

/** The contract of {@link TextDocuments}. */
interface TextDocumentsContract extends UsesCatalog {

    @Test
    default void insertedTextDocumentReadsBackEqualInEveryField() {
        TextDocument document = Samples.text(at(0), "fr-CA");
        document = new TextDocument(document.id(), document.filePath(), document.fileSize(), document.createdAt(),
                document.metadata(), document.contentSha256(), document.originalName(), document.objectKey(),
                StorageTier.ARCHIVE, document.language(), document.idempotencyKey(), at(4), at(8));

        assertThat(catalog().textDocuments().insert(document)).isEqualTo(document);
        assertThat(catalog().textDocuments().get(document.id())).isEqualTo(document);
    }

    @Test
    default void textDocumentWithoutOptionalFieldsReadsBackEqual() {
        UUID id = UUID.randomUUID();
        TextDocument bare = new TextDocument(id, "data-pipeline/raw/text/" + id, 0, at(0), null, Samples.sha256(), null,
                "raw/text/" + id, StorageTier.STANDARD, null, null, at(0), null);

        catalog().textDocuments().insert(bare);

        assertThat(catalog().textDocuments().get(id)).isEqualTo(bare);
    }

    @Test
    default void unknownTextDocumentIsNotFound() {
        assertThat(catalog().textDocuments().find(UUID.randomUUID())).isEmpty();
        assertThatThrownBy(() -> catalog().textDocuments().get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    default void duplicateTextDocumentIdOrIdempotencyKeyIsAConflict() {
        TextDocument document = catalog().textDocuments().insert(Samples.text(at(0), "en"));
        TextDocument sameKey = Samples.text(at(1), "en");
        TextDocument sameKeyCopy = new TextDocument(sameKey.id(), sameKey.filePath(), sameKey.fileSize(), sameKey.createdAt(),
                sameKey.metadata(), sameKey.contentSha256(), sameKey.originalName(), sameKey.objectKey(), sameKey.storageTier(),
                sameKey.language(), document.idempotencyKey(), sameKey.updatedAt(), null, document.uploadedBy());

        assertThatThrownBy(() -> catalog().textDocuments().insert(document))
                .isInstanceOf(ConflictException.class).hasMessageContaining(document.id().toString());
        assertThatThrownBy(() -> catalog().textDocuments().insert(sameKeyCopy))
                .isInstanceOf(ConflictException.class).hasMessageContaining(document.idempotencyKey());
        assertThat(catalog().textDocuments().findByIdempotencyKey(document.uploadedBy(), document.idempotencyKey())).contains(document);
        assertThat(catalog().textDocuments().findByIdempotencyKey(document.uploadedBy(), "unknown")).isEmpty();
    }

    @Test
    default void findsATextDocumentByItsObjectKey() {
        TextDocument document = catalog().textDocuments().insert(Samples.text(at(0), "en"));

        assertThat(catalog().textDocuments().findByObjectKey(document.objectKey())).contains(document);
        assertThat(catalog().textDocuments().findByObjectKey("raw/text/none")).isEmpty();
    }

    @Test
    default void listFiltersTextDocumentsByLanguageAndTimeAndPagesThroughThemOnce() {
        List<TextDocument> english = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            english.add(catalog().textDocuments().insert(Samples.text(at(i / 2), "en")));
        }
        TextDocument german = catalog().textDocuments().insert(Samples.text(at(1), "de"));

        List<TextDocument> paged = UsesCatalog.flatten(UsesCatalog.allPages(
                p -> catalog().textDocuments().list(new TextDocumentQuery(null, null, "en"), p), 3));

        assertThat(paged).containsExactlyInAnyOrderElementsOf(english).doesNotHaveDuplicates();
        assertThat(catalog().textDocuments().list(new TextDocumentQuery(at(1), at(2), null), PageRequest.firstPage()).items())
                .hasSize(3).contains(german);
    }

    @Test
    default void deleteRemovesATextDocument() {
        TextDocument document = catalog().textDocuments().insert(Samples.text(at(0), null));

        assertThat(catalog().textDocuments().delete(document.id())).isTrue();
        assertThat(catalog().textDocuments().delete(document.id())).isFalse();
        assertThat(catalog().textDocuments().find(document.id())).isEmpty();
    }
}
