package dev.pipestore.objectstore.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.ObjectStoreContract;
import dev.pipestore.objectstore.ObjectSummary;
import dev.pipestore.objectstore.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The object store contract against a real directory, plus what only a file system has: paths, crashes, shared dirs. */
class FileSystemObjectStoreTest extends ObjectStoreContract {

    private static final String BUCKET = "data-pipeline";

    @TempDir
    static Path root;

    private Path bucketDir() {
        return root.resolve(BUCKET);
    }

    @Override
    protected ObjectStore openStore() {
        return FileSystemObjectStore.open(root, BUCKET);
    }

    @Override
    protected String bucket() {
        return BUCKET;
    }

    @Test
    void objectsArePlainFilesAtTheirKeysPath() throws IOException {
        store().put(key("raw/take.wav"), text("RIFF...."), PutOptions.of("audio/wav"));

        assertThat(Files.readString(bucketDir().resolve(key("raw/take.wav")))).isEqualTo("RIFF....");
    }

    @Test
    void keySegmentsStartingWithADotGetOneMoreDotOnDisk() throws IOException {
        store().put(key(".env"), text("secret-looking"), PutOptions.of("text/plain"));

        assertThat(bucketDir().resolve(key("..env"))).hasContent("secret-looking");
        assertThat(bucketDir().resolve(key(".env"))).doesNotExist();
    }

    @Test
    void unfinishedWritesInStagingAreNeitherListedNorReadable() throws IOException {
        store().put(key("done.txt"), text("done"), PutOptions.of("text/plain"));
        // What a writer that crashed mid-put leaves: a staging file, and a directory for the key it never renamed.
        Files.writeString(bucketDir().resolve(".staging/object-123.tmp"), "half");
        Files.createDirectories(bucketDir().resolve(key("never")));

        assertThat(store().list(prefix(), null, 100).objects()).extracting(ObjectSummary::key).containsExactly(key("done.txt"));
        assertThat(store().list("", null, 1000).objects()).extracting(ObjectSummary::key).noneMatch(k -> k.startsWith(".staging") || k.startsWith(".meta"));
        assertThat(store().head(key("never"))).isEmpty();
    }

    @Test
    void openSweepsStagingFilesOlderThanADay() throws IOException {
        Path stale = bucketDir().resolve(".staging/object-old.tmp");
        Path fresh = bucketDir().resolve(".staging/object-new.tmp");
        Files.writeString(stale, "crashed long ago");
        Files.writeString(fresh, "another process is writing this");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        FileSystemObjectStore.open(root, BUCKET).close();

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        Files.delete(fresh);
    }

    @Test
    void aFileCopiedInByHandIsAnObjectWithDefaultMetadata() throws IOException {
        Files.createDirectories(bucketDir().resolve(prefix()));
        Files.writeString(bucketDir().resolve(key("copied.bin")), "by hand");

        assertThat(store().head(key("copied.bin"))).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(7);
            assertThat(info.contentType()).isEqualTo("application/octet-stream");
            assertThat(info.userMetadata()).isEmpty();
        });
    }

    @Test
    void twoStoresOnTheSameDirectorySeeEachOthersObjects() {
        try (FileSystemObjectStore other = FileSystemObjectStore.open(root, BUCKET)) {
            other.put(key("shared.txt"), text("from the other process"), PutOptions.of("text/plain"));

            assertThat(readText(key("shared.txt"))).isEqualTo("from the other process");
            store().delete(key("shared.txt"));
            assertThat(other.head(key("shared.txt"))).isEmpty();
        }
    }

    @Test
    void deleteRemovesTheSidecarAndPrunesEmptyDirectories() {
        store().put(key("deep/er/x.txt"), text("x"), new PutOptions("text/plain", -1, Map.of("a", "b")));

        store().delete(key("deep/er/x.txt"));

        assertThat(bucketDir().resolve(key("deep"))).doesNotExist();
        assertThat(bucketDir().resolve(".meta").resolve(key("deep"))).doesNotExist();
    }

    @Test
    void anObjectAndKeysBelowItAreAConflictNamingBothKeys() {
        store().put(key("a"), text("object a"), PutOptions.of("text/plain"));
        store().put(key("b/c"), text("object b/c"), PutOptions.of("text/plain"));

        assertThatThrownBy(() -> store().put(key("a/child"), text("x"), PutOptions.of("text/plain")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(key("a/child"))
                .hasMessageContaining(key("a") + " is an object");
        assertThatThrownBy(() -> store().put(key("b"), text("x"), PutOptions.of("text/plain")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("other keys start with " + key("b") + "/");
        assertThat(readText(key("a"))).isEqualTo("object a");
        assertThat(readText(key("b/c"))).isEqualTo("object b/c");
    }

    @Test
    void aKeyFreedByDeleteCanBecomeAFolder() {
        store().put(key("a/child"), text("x"), PutOptions.of("text/plain"));
        store().delete(key("a/child"));

        store().put(key("a"), text("now an object"), PutOptions.of("text/plain"));

        assertThat(readText(key("a"))).isEqualTo("now an object");
    }

    /** UTF-8 order, as S3 and MinIO list; Java's own String order would put the emoji (a surrogate pair) first. */
    @Test
    void listOrdersCharactersBeyondTheBasicPlaneAsS3Does() {
        for (String name : new String[] {"😀", "\uFFFD", "\uE000", "z"}) {
            store().put(key(name), text(name), PutOptions.of("text/plain"));
        }

        assertThat(store().list(prefix(), null, 10).objects()).extracting(ObjectSummary::key)
                .containsExactly(key("z"), key("\uE000"), key("\uFFFD"), key("😀"));
    }

    @Test
    void aSegmentLongerThanAFileNameIsRefusedAsInvalidKey() {
        assertThatThrownBy(() -> store().put(key("x".repeat(256)), text("x"), PutOptions.of("text/plain")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("255 bytes");
    }

    /**
     * Tests run as root, for whom permission bits do not stop writes, so the unusable data directory here is one
     * under a regular file: creating it fails for every user.
     */
    @Test
    void unusableDataDirectoryGivesAClearMessageNamingThePath() throws IOException {
        Path file = Files.writeString(root.resolve("not-a-directory"), "x");
        Path badRoot = file.resolve("objects");

        assertThatThrownBy(() -> FileSystemObjectStore.open(badRoot, BUCKET))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining(badRoot.resolve(BUCKET).toString())
                .hasMessageContaining("not usable")
                .hasMessageContaining("writable directory");
    }

    @Test
    void invalidBucketNameIsRefused() {
        assertThatThrownBy(() -> FileSystemObjectStore.open(root, "../escape")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FileSystemObjectStore.open(root, ".meta")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void foreignContinuationTokenIsRefused() {
        assertThatThrownBy(() -> store().list(prefix(), "not base64 !", 10))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("continuation");
    }

    @Test
    void describeShowsTheDirectory() {
        assertThat(store().describe()).isEqualTo("file system " + root.toAbsolutePath().normalize() + " bucket " + BUCKET);
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
