package dev.pipestore.objectstore.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * File operations that survive a crash: a file becomes visible only by an atomic rename of a complete, fsynced temp
 * file, and every directory entry created or replaced is fsynced in its directory before the operation returns.
 *
 * <p>Temp files live in one staging directory inside the bucket directory, so the rename never crosses file systems.
 * Another process may prune an empty directory between our creating it and renaming into it; moves therefore retry.
 */
final class DurableFiles {

    private static final int MOVE_ATTEMPTS = 5;

    private final Path stagingDir;

    DurableFiles(Path stagingDir) {
        this.stagingDir = stagingDir;
    }

    /** A new empty file in the staging directory, invisible to readers of the bucket. */
    Path newTempFile(String purpose) throws IOException {
        try {
            return Files.createTempFile(stagingDir, purpose + "-", ".tmp");
        } catch (NoSuchFileException e) {
            // Someone removed the staging directory (a clean-up by hand): put it back once.
            createDirectories(stagingDir);
            return Files.createTempFile(stagingDir, purpose + "-", ".tmp");
        }
    }

    /**
     * Creates {@code dir} and missing parents, fsyncing each parent that gains an entry.
     *
     * @throws FileAlreadyExistsException naming the first path on the way that exists but is not a directory
     */
    void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path parent = dir.getParent();
        createDirectories(parent);
        try {
            Files.createDirectory(dir);
            fsyncDirectory(parent);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(dir.toString(), null, "exists and is not a directory");
            }
            // Another writer created it at the same moment: that is what we wanted.
        }
    }

    /** Atomically renames the complete file {@code temp} onto {@code target}, replacing a file there, and makes it durable. */
    void moveIntoPlace(Path temp, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                fsyncDirectory(target.getParent());
                return;
            } catch (NoSuchFileException e) {
                if (attempt == MOVE_ATTEMPTS || !Files.exists(temp)) {
                    throw e;
                }
                // The parent was pruned by a concurrent delete after we created it; create it again.
            }
        }
    }

    /** Flushes {@code dir}'s entries, so a rename or unlink in it survives a power cut. */
    void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Removes empty directories from {@code dir} up to, not including, {@code stop}; stops at the first non-empty one. */
    void pruneEmptyDirectories(Path dir, Path stop) {
        for (Path current = dir; current != null && current.startsWith(stop) && !current.equals(stop); current = current.getParent()) {
            try {
                Files.delete(current);
            } catch (NoSuchFileException e) {
                // Already gone: keep climbing.
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                // Pruning only saves space; whatever stopped it (permissions, a concurrent write) is not our caller's problem.
                return;
            }
        }
    }

    /** Deletes staging files older than {@code age}: what crashed writers left behind. */
    void deleteStaleTempFiles(Duration age) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(age));
        try (var files = Files.newDirectoryStream(stagingDir)) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
                        Files.deleteIfExists(file);
                    }
                } catch (NoSuchFileException e) {
                    // Another process cleaned it up or finished with it.
                }
            }
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temp file we could not remove is swept by deleteStaleTempFiles on the next start.
        }
    }
}
