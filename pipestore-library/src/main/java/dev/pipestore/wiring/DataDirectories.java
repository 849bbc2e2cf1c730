package dev.pipestore.wiring;

import dev.pipestore.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure a directory pipestore writes to exists and is writable, failing with the variable that named it. */
final class DataDirectories {

    private DataDirectories() {}

    /**
     * Creates {@code dir} if needed and proves it writable by writing and removing a probe file: permission bits
     * say nothing useful when running as root or on a read-only mount.
     */
    static Path prepare(String variable, Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-probe-", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException(variable, dir + " is not a writable directory (" + describe(e) + ")", e);
        }
    }

    private static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
