package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.catalog.TextDocumentQuery;
import dev.pipestore.config.StoreConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextIngestTest {

    @TempDir
    Path dataDir;

    private PipeStore store;

    @BeforeEach
    void open() {
        store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void storesUtf8TextUnderRawTextDatedFolder() throws Exception {
        byte[] text = "Grüße, 世界 👋\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);

        TextDocument document = store.texts().add(new ByteArrayInputStream(text), TextUpload.named("notes.txt").withLanguage("de"));

        assertThat(document.objectKey()).matches("raw/text/\\d{4}-\\d{2}-\\d{2}/\\d{8}_\\d{6}_[0-9a-f]{16}_notes\\.txt");
        assertThat(document.fileSize()).isEqualTo(text.length);
        assertThat(document.contentSha256()).isEqualTo(AudioIngestTest.sha256(text));
        assertThat(document.language()).isEqualTo("de");
        assertThat(store.texts().get(document.id())).isEqualTo(document);
        assertThat(store.objects().head(document.objectKey())).get()
                .satisfies(object -> assertThat(object.userMetadata()).as("no second copy of the SHA-256").isEmpty());
        try (InputStream content = store.texts().content(document.id())) {
            assertThat(content.readAllBytes()).isEqualTo(text);
        }
    }

    @Test
    void deleteRemovesRowThenObject() {
        TextDocument document = store.texts().add(new ByteArrayInputStream("bye".getBytes(StandardCharsets.UTF_8)),
                TextUpload.named("bye.txt"));

        assertThat(store.texts().delete(document.id())).isTrue();

        assertThat(store.texts().find(document.id())).isEmpty();
        assertThat(store.objects().head(document.objectKey())).isEmpty();
        assertThat(store.texts().delete(document.id())).isFalse();
    }

    @Test
    void refusesTextThatIsNotUtf8NamingTheOffsetAndStoresNothing() {
        byte[] latin1 = "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> store.texts().add(new ByteArrayInputStream(latin1), TextUpload.named("menu.txt")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not UTF-8").hasMessageContaining("offset 3");

        assertThat(store.texts().list(TextDocumentQuery.all(), PageRequest.firstPage()).items()).isEmpty();
        assertThat(store.objects().list("", null, 10).objects()).isEmpty();
    }

    @Test
    void refusesBinaryContentThatHappensToBeUtf8NamingTheFirstNul() {
        byte[] wav = dev.pipestore.testing.audio.TestAudio.wav(0.5, 8000);
        int firstNul = 0;
        while (wav[firstNul] != 0) {
            firstNul++;
        }
        String expected = "NUL byte at byte offset " + firstNul + " ";

        assertThatThrownBy(() -> store.texts().add(new ByteArrayInputStream(wav), TextUpload.named("notes.txt")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(expected);
        assertThatThrownBy(() -> store.texts().add(new ByteArrayInputStream("a\u0000b".getBytes(StandardCharsets.UTF_8)),
                TextUpload.named("nul.txt"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("offset 1");

        assertThat(store.texts().list(TextDocumentQuery.all(), PageRequest.firstPage()).items()).isEmpty();
        assertThat(store.objects().list("", null, 10).objects()).isEmpty();
    }

    @Test
    void refusesTextEndingInTheMiddleOfACharacter() {
        byte[] cut = java.util.Arrays.copyOf("ok 世".getBytes(StandardCharsets.UTF_8), 5);

        assertThatThrownBy(() -> store.texts().add(new ByteArrayInputStream(cut), TextUpload.named("cut.txt")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void multiByteCharacterSplitAcrossReadChunksIsAccepted() {
        byte[] text = ("a".repeat(999) + "世界").getBytes(StandardCharsets.UTF_8);

        TextDocument document = store.texts().add(trickle(text, 1000), TextUpload.named("split.txt"));

        assertThat(document.fileSize()).isEqualTo(text.length);
    }

    @Test
    void anInvalidByteAfterASplitCharacterIsNamedByItsOffsetInTheWholeUpload() {
        byte[] text = ("a".repeat(999) + "世界 caf\u00e9!").getBytes(StandardCharsets.UTF_8);
        int latin1 = text.length - 3;
        text[latin1] = (byte) 0xE9; // é as Latin-1 writes it: E9 A9 21 is no UTF-8 sequence

        assertThatThrownBy(() -> store.texts().add(trickle(text, 1000), TextUpload.named("split.txt")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("offset " + latin1);
        byte[] nul = ("a".repeat(1500) + "\u0000").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.texts().add(trickle(nul, 1000), TextUpload.named("nul.txt")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("offset 1500");
    }

    @Test
    void anInvalidByteInALaterReadIsNamedByItsOffsetInTheWholeUpload() {
        for (int at : new int[] {0, 999, 1000, 3001, 4999}) {
            byte[] text = "a".repeat(5000).getBytes(StandardCharsets.US_ASCII);
            text[at] = (byte) 0xFF;

            assertThatThrownBy(() -> store.texts().add(trickle(text, 1000), TextUpload.named("late.txt")))
                    .as("invalid byte at %d", at)
                    .isInstanceOf(InvalidInputException.class).hasMessageEndingWith("offset " + at);
        }
    }

    /** Reads of at most {@code chunk} bytes and no word on the length, as from a socket. */
    private static java.io.InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }

            @Override
            public synchronized int available() {
                return 0;
            }
        };
    }

    @Test
    void sameIdempotencyKeyReturnsTheFirstDocument() {
        byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
        TextDocument first = store.texts().add(new ByteArrayInputStream(text), TextUpload.named("a.txt").withIdempotencyKey("t-1"));

        TextDocument retry = store.texts().add(new ByteArrayInputStream(text), TextUpload.named("a.txt").withIdempotencyKey("t-1"));

        assertThat(retry).isEqualTo(first);
        assertThat(store.objects().list("raw/text/", null, 10).objects()).hasSize(1);
    }

    @Test
    void idempotencyKeysAreScopedToTheirUploader() {
        byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
        TextDocument alices = store.texts().add(new ByteArrayInputStream(text),
                TextUpload.named("a.txt").withIdempotencyKey("t-2").withUploadedBy("alice"));

        TextDocument bobs = store.texts().add(new ByteArrayInputStream("other".getBytes(StandardCharsets.UTF_8)),
                TextUpload.named("b.txt").withIdempotencyKey("t-2").withUploadedBy("bob"));

        assertThat(bobs.id()).isNotEqualTo(alices.id());
        assertThat(store.texts().add(new ByteArrayInputStream(text),
                TextUpload.named("a.txt").withIdempotencyKey("t-2").withUploadedBy("alice"))).isEqualTo(alices);
        assertThatThrownBy(() -> store.texts().add(new ByteArrayInputStream(text),
                        TextUpload.named("b.txt").withIdempotencyKey("t-2").withUploadedBy("bob")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'t-2'").hasMessageContaining("different content");
        assertThat(store.objects().list("raw/text/", null, 10).objects()).hasSize(2);
    }
}
