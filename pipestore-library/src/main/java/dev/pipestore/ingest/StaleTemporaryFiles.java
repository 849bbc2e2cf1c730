package dev.pipestore.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps what a killed process left in a temporary directory. A live upload keeps its temporary files far less than
 * {@link #STALE_AGE}, so anything last changed before that is a leftover, and a directory shared by several instances
 * is safe to sweep.
 */
public final class StaleTemporaryFiles {

    /** Age past which a temporary file is taken for a killed process's leftover rather than a live upload's. */
    public static final Duration STALE_AGE = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(StaleTemporaryFiles.class);

    private StaleTemporaryFiles() {}

    /** Gives {@code delete} each entry of {@code dir} matching {@code glob} and last changed over a day before {@code now}. */
    public static void sweep(Path dir, String glob, Instant now, Consumer<Path> delete) {
        FileTime cutoff = FileTime.from(now.minus(STALE_AGE));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
            for (Path entry : entries) {
                if (Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
                    delete.accept(entry);
                }
            }
        } catch (NoSuchFileException e) {
            // No temporary directory yet, or another instance removed the entry first: nothing to sweep.
        } catch (IOException e) {
            LOG.warn("could not sweep stale temporary files in {}: {}", dir, e.getMessage());
        }
    }
}
