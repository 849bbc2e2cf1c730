package dev.pipestore.server.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory forms are parsed into, one {@code form-*} directory per request, removed with everything in it when
 * the request ends; those a killed process left go when a server starts, once a day old, as the library sweeps its own
 * spool files.
 */
final class SpoolDirectories {

    /** Age past which a form directory is taken for a killed process's leftover rather than a live request's. */
    static final Duration STALE_AGE = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectories.class);
    private static final String PREFIX = "form-";

    private final Path root;

    SpoolDirectories(Path root) {
        this.root = root;
    }

    /** A new directory for one request's form. */
    Path create() throws IOException {
        return Files.createDirectories(root.resolve(PREFIX + UUID.randomUUID()));
    }

    void delete(Path dir) {
        deleteTree(dir);
    }

    /** Deletes {@code form-*} directories last changed before {@code now} minus {@link #STALE_AGE}. */
    void deleteStale(Instant now) {
        FileTime cutoff = FileTime.from(now.minus(STALE_AGE));
        try (DirectoryStream<Path> forms = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path dir : forms) {
                if (Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
                    deleteTree(dir);
                }
            }
        } catch (NoSuchFileException e) {
            // No form was ever parsed here, or another instance swept first.
        } catch (IOException e) {
            LOG.warn("could not sweep stale form directories in {}: {}", root, e.getMessage());
        }
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
