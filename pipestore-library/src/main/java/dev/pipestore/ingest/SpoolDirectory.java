package dev.pipestore.ingest;

import dev.pipestore.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectory.class);
    private static final String PREFIX = "upload-";
    private static final String SUFFIX = ".part";

    private final Path dir;
    private final Set<Path> held = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

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
        closed = true;
        int count = 0;
        for (Path file : held) {
            delete(file);
            count++;
        }
        if (count > 0) {
            LOG.info("deleted {} temporary upload file(s) of uploads cut off by closing the store", count);
        }
    }

    /** Whether its store has closed: an upload that fails now failed because its file was taken away. */
    boolean isClosed() {
        return closed;
    }

    /** Deletes spool files a killed process left, once {@link StaleTemporaryFiles#STALE_AGE} old. */
    void deleteStale(Instant now) {
        StaleTemporaryFiles.sweep(dir, PREFIX + "*" + SUFFIX, now, SpoolDirectory::deleteQuietly);
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
