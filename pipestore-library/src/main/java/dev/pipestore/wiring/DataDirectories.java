package dev.pipestore.wiring;

import dev.pipestore.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Makes sure a directory pipestore writes to exists and is writable, failing with the variable that named it; one it
 * creates is readable by its user only (the data directory holds transcripts and key hashes).
 */
final class DataDirectories {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private DataDirectories() {}

    /**
     * Creates {@code dir} if needed and proves it writable by writing and removing a probe file: permission bits
     * say nothing useful when running as root or on a read-only mount.
     */
    static Path prepare(String variable, Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                createOwnerOnly(dir);
            }
            Path probe = Files.createTempFile(dir, ".write-probe-", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException(variable, dir + " is not a writable directory (" + describe(e) + ")", e);
        }
    }

    /**
     * Transcripts, audio and key hashes live here: a directory pipestore makes is its user's alone. One that exists
     * keeps the permissions its owner gave it.
     */
    private static void createOwnerOnly(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir); // not a POSIX file system: its own defaults apply
        }
    }

    private static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
