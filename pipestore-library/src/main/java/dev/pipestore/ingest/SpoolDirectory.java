package dev.pipestore.ingest;

import dev.pipestore.StoreException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary directory uploads spill to ({@code upload-*.part}), and which of its files this store's uploads hold
 * now. An upload deletes its file when it ends; the store deletes those still held when it closes, as a process then
 * exits before cut uploads get to it; files a killed process left are swept a day later by {@link #deleteStale}.
 */
final class SpoolDirectory {

    /** Age past which a spool file is taken for a killed process's leftover rather than a live upload's. */
    static final Duration STALE_AGE = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectory.class);
    private static final String PREFIX = "upload-";
    private static final String SUFFIX = ".part";

    private final Path dir;
    private final Set<Path> held = ConcurrentHashMap.newKeySet();

    SpoolDirectory(Path dir) {
        this.dir = dir;
    }

    /** A new, empty spool file, held until {@link #delete}. */
    Path create() {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, PREFIX, SUFFIX);
            held.add(file);
            return file;
        } catch (IOException e) {
            throw new StoreException("cannot create a temporary file in " + dir + ": " + e.getMessage(), e);
        }
    }

    void delete(Path file) {
        deleteQuietly(file);
        held.remove(file);
    }

    /**
     * Deletes the files of uploads still running: their store is closing, so they cannot finish, and the process
     * usually exits before their threads get to delete them.
     */
    void deleteHeld() {
        int count = 0;
        for (Path file : held) {
            delete(file);
            count++;
        }
        if (count > 0) {
            LOG.info("deleted {} temporary upload file(s) of uploads cut off by closing the store", count);
        }
    }

    /**
     * Deletes spool files last written before {@code now} minus {@link #STALE_AGE}: what a process killed in mid-upload
     * left behind. A live upload writes its file while reading and keeps it only until the object is stored, far less
     * than that, so a directory shared by several instances is safe to sweep.
     */
    void deleteStale(Instant now) {
        FileTime cutoff = FileTime.from(now.minus(STALE_AGE));
        try (DirectoryStream<Path> spooled = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : spooled) {
                if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
                    deleteQuietly(file);
                }
            }
        } catch (NoSuchFileException e) {
            // No temporary directory yet, or another instance removed the file first: nothing to sweep.
        } catch (IOException e) {
            LOG.warn("could not sweep stale upload files in {}: {}", dir, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp file is harmless and is swept by deleteStale on a later start; nothing to tell the caller.
        }
    }
}
