package dev.pipestore.testing.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Damages or ages what the embedded object store keeps, one plain file per object, as bit rot, a careless hand or time
 * would.
 */
public final class StoredCopies {

    private StoredCopies() {}

    /**
     * Flips one bit of the stored copy of {@code content} under {@code objectsDir}, {@code fromEnd} bytes before its end.
     *
     * @throws AssertionError when no file there holds exactly {@code content}
     */
    public static void flipBit(Path objectsDir, byte[] content, int fromEnd) {
        byte[] damaged = content.clone();
        damaged[damaged.length - fromEnd] ^= 0x01;
        write(find(objectsDir, content), damaged);
    }

    /** Cuts the stored copy of {@code content} to {@code length} bytes. */
    public static void truncate(Path objectsDir, byte[] content, int length) {
        write(find(objectsDir, content), Arrays.copyOf(content, length));
    }

    /**
     * Makes every object under {@code objectsDir} look {@code age} old, as the store reports it, so what only old
     * objects undergo (an orphan sweep) can be tested without waiting.
     */
    public static void age(Path objectsDir, Duration age) {
        FileTime then = FileTime.from(Instant.now().minus(age));
        try (Stream<Path> files = Files.walk(objectsDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, then);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find(Path objectsDir, byte[] content) {
        try (Stream<Path> files = Files.walk(objectsDir)) {
            return files.filter(Files::isRegularFile).filter(f -> holds(f, content)).findFirst()
                    .orElseThrow(() -> new AssertionError("no stored copy of the " + content.length + " bytes under " + objectsDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holds(Path file, byte[] content) {
        try {
            return Files.size(file) == content.length && Arrays.equals(Files.readAllBytes(file), content);
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
