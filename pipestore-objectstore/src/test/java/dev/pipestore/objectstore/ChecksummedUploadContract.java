package dev.pipestore.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.IntegrityException;
import dev.pipestore.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract of {@link ChecksummedUploads}, which every adapter offers: content stored with the caller's SHA-256, checked
 * by the backend, and nothing stored when the bytes do not have it.
 */
interface ChecksummedUploadContract extends ContractFixture {

    default ChecksummedUploads uploads() {
        return (ChecksummedUploads) store();
    }

    @Test
    default void putBytesStoresTheGivenLengthWithTheCallersChecksum() {
        byte[] array = new byte[70_000];
        new Random(3).nextBytes(array);
        int length = 65_536;
        String sha256 = sha256(array, length);
        String key = key("memory.wav");

        StoredObject stored = uploads().putBytes(key, array, length, new PutOptions("audio/wav", length, Map.of("origin", "test")), sha256);

        assertThat(stored).isEqualTo(new StoredObject(key, length, sha256));
        assertThat(readAll(key)).isEqualTo(Arrays.copyOf(array, length));
        assertThat(store().head(key)).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(length);
            assertThat(info.contentType()).isEqualTo("audio/wav");
            assertThat(info.userMetadata()).containsEntry("origin", "test");
        });
    }

    @Test
    default void putBytesWithAnotherChecksumStoresNothing() {
        byte[] array = "the real content".getBytes(StandardCharsets.UTF_8);
        String key = key("x.txt");
        String other = sha256("other content".getBytes(StandardCharsets.UTF_8), 13);

        assertThatThrownBy(() -> uploads().putBytes(key, array, array.length, PutOptions.of("text/plain"), other))
                .isInstanceOf(IntegrityException.class);
        assertThat(store().head(key)).isEmpty();
    }

    @Test
    default void putBytesWithAnotherChecksumLeavesTheEarlierObjectInPlace() {
        String key = key("kept.txt");
        putText(key, "first");
        byte[] array = "second".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> uploads().putBytes(key, array, array.length, PutOptions.of("text/plain"), "0".repeat(64)))
                .isInstanceOf(IntegrityException.class);
        assertThat(readText(key)).isEqualTo("first");
    }

    @Test
    default void putBytesRefusesALengthOutsideTheArrayOrOtherThanExpected() {
        byte[] array = new byte[10];
        String key = key("bad-length.bin");

        assertThatThrownBy(() -> uploads().putBytes(key, array, 11, PutOptions.of("application/octet-stream"), sha256(array, 10)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("11 bytes asked of an array of 10");
        assertThatThrownBy(() -> uploads().putBytes(key, array, 10,
                PutOptions.of("application/octet-stream").withExpectedLength(9), sha256(array, 10)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("content has 10 bytes, 9 expected");
        assertThat(store().head(key)).isEmpty();
    }

    @Test
    default void putBytesRefusesAChecksumThatIsNotLowerCaseHex() {
        byte[] array = "abc".getBytes(StandardCharsets.UTF_8);
        String key = key("abc.txt");

        assertThatThrownBy(() -> uploads().putBytes(key, array, 3, PutOptions.of("text/plain"), sha256(array, 3).toUpperCase()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sha256");
        assertThat(store().head(key)).isEmpty();
    }

    @Test
    default void putFileStoresTheFileWithTheCallersChecksum(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("upload.bin"), bytes);
        String sha256 = sha256(bytes, bytes.length);
        String key = key("file.wav");

        StoredObject stored = uploads().putFile(key, file, PutOptions.of("audio/wav").withExpectedLength(bytes.length), sha256);

        assertThat(stored).isEqualTo(new StoredObject(key, bytes.length, sha256));
        assertThat(readAll(key)).isEqualTo(bytes);
        assertThat(store().head(key).orElseThrow().contentType()).isEqualTo("audio/wav");
    }

    @Test
    default void putFileWithAnotherChecksumStoresNothing(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.txt"), "the real content");
        String key = key("x.txt");

        assertThatThrownBy(() -> uploads().putFile(key, file, PutOptions.of("text/plain"), "0".repeat(64)))
                .isInstanceOf(IntegrityException.class);
        assertThat(store().head(key)).isEmpty();
    }

    private byte[] readAll(String key) {
        try (InputStream in = store().get(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes, int length) {
        return TestContent.sha256(new ByteArrayInputStream(bytes, 0, length));
    }
}
