package dev.pipestore.server.upload;

import dev.pipestore.ingest.StaleTemporaryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory forms are parsed into, one {@code form-*} directory per request, removed with everything in it when
 * the request ends. Those of requests still running when the server stops go at stop (the process exits before the
 * cut requests' threads get to them); those a killed process left go when a server starts, once a day old, as the
 * library sweeps its own spool files.
 */
final class SpoolDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectories.class);
    private static final String PREFIX = "form-";

    private final Path root;
    private final Set<Path> held = ConcurrentHashMap.newKeySet();

    SpoolDirectories(Path root) {
        this.root = root;
    }

    /** A new directory for one request's form, held until {@link #delete}. */
    Path create() throws IOException {
        Path dir = Files.createDirectories(root.resolve(PREFIX + UUID.randomUUID()));
        held.add(dir);
        return dir;
    }

    void delete(Path dir) {
        deleteTree(dir);
        held.remove(dir);
    }

    /** Deletes the directories of requests still running; for when the server has stopped and they cannot finish. */
    void deleteHeld() {
        held.forEach(this::delete);
    }

    /** Deletes {@code form-*} directories a killed process left, once {@link StaleTemporaryFiles#STALE_AGE} old. */
    void deleteStale(Instant now) {
        StaleTemporaryFiles.sweep(root, PREFIX + "*", now, SpoolDirectories::deleteTree);
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (NoSuchFileException e) {
            // The request's own cleanup got there first.
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove the upload spool directory {}: {}", dir, e.getMessage());
        }
    }
}
