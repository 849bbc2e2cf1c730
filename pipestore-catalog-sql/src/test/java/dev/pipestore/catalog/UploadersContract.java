package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who uploaded each input: stored, read back, kept through changes, and filtered on in lists. */
interface UploadersContract extends UsesCatalog {

    private AudioFile audioBy(String uploader, long secondsAfterT0) {
        return catalog().audioFiles().insert(Samples.audio(at(secondsAfterT0)).withUploadedBy(uploader));
    }

    private TextDocument textBy(String uploader, long secondsAfterT0) {
        TextDocument t = Samples.text(at(secondsAfterT0), "en");
        return catalog().textDocuments().insert(new TextDocument(t.id(), t.filePath(), t.fileSize(), t.createdAt(), t.metadata(),
                t.contentSha256(), t.originalName(), t.objectKey(), t.storageTier(), t.language(), t.idempotencyKey(),
                t.updatedAt(), t.archivedAt(), uploader));
    }

    @Test
    default void anIdempotencyKeyIsUniquePerUploaderAndNobodyIsAScopeOfItsOwn() {
        AudioFile alices = catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), "job-1").withUploadedBy("alice"));
        AudioFile bobs = catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), "job-1").withUploadedBy("bob"));
        AudioFile nobodys = catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), "job-1"));

        assertThatThrownBy(() -> catalog().audioFiles().insert(
                Samples.withIdempotencyKey(Samples.audio(), "job-1").withUploadedBy("alice")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("job-1");
        assertThatThrownBy(() -> catalog().audioFiles().insert(Samples.withIdempotencyKey(Samples.audio(), "job-1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("job-1");
        assertThat(catalog().audioFiles().findByIdempotencyKey("alice", "job-1")).contains(alices);
        assertThat(catalog().audioFiles().findByIdempotencyKey("bob", "job-1")).contains(bobs);
        assertThat(catalog().audioFiles().findByIdempotencyKey(null, "job-1")).contains(nobodys);
        assertThat(catalog().audioFiles().findByIdempotencyKey("carol", "job-1")).isEmpty();
    }

    @Test
    default void aTextIdempotencyKeyIsUniquePerUploader() {
        TextDocument alices = catalog().textDocuments().insert(textKeyedBy("alice", "t-1"));
        TextDocument bobs = catalog().textDocuments().insert(textKeyedBy("bob", "t-1"));

        assertThatThrownBy(() -> catalog().textDocuments().insert(textKeyedBy("bob", "t-1")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("t-1");
        assertThat(catalog().textDocuments().findByIdempotencyKey("alice", "t-1")).contains(alices);
        assertThat(catalog().textDocuments().findByIdempotencyKey("bob", "t-1")).contains(bobs);
        assertThat(catalog().textDocuments().findByIdempotencyKey(null, "t-1")).isEmpty();
    }

    private static TextDocument textKeyedBy(String uploader, String idempotencyKey) {
        TextDocument t = Samples.text(Samples.now(), "en");
        return new TextDocument(t.id(), t.filePath(), t.fileSize(), t.createdAt(), t.metadata(), t.contentSha256(),
                t.originalName(), t.objectKey(), t.storageTier(), t.language(), idempotencyKey, t.updatedAt(), null, uploader);
    }

    @Test
    default void theUploaderIsStoredAndReadBackAndNobodyStaysNobody() {
        AudioFile named = audioBy("key-a", 0);
        AudioFile nobody = audioBy(null, 1);

        assertThat(catalog().audioFiles().get(named.id()).uploadedBy()).isEqualTo("key-a");
        assertThat(catalog().audioFiles().get(nobody.id()).uploadedBy()).isNull();
        assertThat(catalog().textDocuments().get(textBy("key-a", 0).id()).uploadedBy()).isEqualTo("key-a");
        assertThat(catalog().textDocuments().get(textBy(null, 1).id()).uploadedBy()).isNull();
    }

    @Test
    default void statusAndMetadataChangesKeepTheUploader() {
        AudioFile file = audioBy("key-a", 0);

        assertThat(catalog().audioFiles().updateStatus(file.id(), AudioStatus.UPLOADED, AudioStatus.FAILED).uploadedBy())
                .isEqualTo("key-a");
        assertThat(catalog().audioFiles().updateMetadata(file.id(), Samples.json("{\"uploaded_by\":\"someone else\"}"))
                .uploadedBy()).isEqualTo("key-a");
    }

    @Test
    default void listsFilterOnTheUploaderPageAfterPage() {
        List<UUID> mine = List.of(audioBy("key-a", 0).id(), audioBy("key-a", 1).id(), audioBy("key-a", 2).id());
        audioBy("key-b", 3);
        audioBy(null, 4);
        UUID myText = textBy("key-a", 0).id();
        textBy("key-b", 1);

        List<AudioFile> listed = UsesCatalog.flatten(UsesCatalog.allPages(
                page -> catalog().audioFiles().list(AudioFileQuery.all().withUploadedBy("key-a"), page), 2));

        assertThat(listed).extracting(AudioFile::id).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(catalog().audioFiles().list(AudioFileQuery.all().withUploadedBy("key-c"), PageRequest.firstPage()).items())
                .isEmpty();
        assertThat(catalog().audioFiles().list(AudioFileQuery.all().withUploadedBy("key-b").withStatus(AudioStatus.FAILED),
                PageRequest.firstPage()).items()).isEmpty();
        assertThat(catalog().textDocuments().list(TextDocumentQuery.all().withUploadedBy("key-a"), PageRequest.firstPage())
                .items()).extracting(TextDocument::id).containsExactly(myText);
    }

    @Test
    default void anUploaderThatIsBlankOverlongOrHasControlCharactersIsRefusedNamingTheField() {
        for (String bad : new String[] {" ", "k".repeat(101), "key\nforged"}) {
            assertThatThrownBy(() -> Samples.audio(at(0)).withUploadedBy(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("uploaded_by"));
            assertThatThrownBy(() -> AudioFileQuery.all().withUploadedBy(bad)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(audioBy("k".repeat(100), 0).uploadedBy()).hasSize(100);
    }
}
