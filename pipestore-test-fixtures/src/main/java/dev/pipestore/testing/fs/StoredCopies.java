package dev.pipestore.testing.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/** Damages what the embedded object store keeps, one plain file per object, as bit rot or a careless hand would. */
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
