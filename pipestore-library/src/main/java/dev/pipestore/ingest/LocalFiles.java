package dev.pipestore.ingest;

import dev.pipestore.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a caller's local file for ingest, refusing what is not a readable regular file with a clear message. */
public final class LocalFiles {

    private LocalFiles() {}

    /** @throws InvalidInputException naming {@code file} when it is missing, a directory or unreadable */
    public static InputStream open(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("file", file + " is a directory, not a file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("file", doesNotExist(file), e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("file", file + " is not readable", e);
        } catch (IOException e) {
            throw new InvalidInputException("file", file + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Says that {@code file} does not exist, and why when its name was not valid UTF-8: the JVM decodes such a name
     * with U+FFFD in place of the bytes it cannot read, so no file of that name can be found or opened.
     */
    public static String doesNotExist(Path file) {
        String name = file.toString();
        if (name.indexOf('\uFFFD') < 0) {
            return name + " does not exist";
        }
        return name + " cannot be opened: its name is not valid UTF-8 (the bytes shown as \uFFFD), which Java cannot"
                + " name under this UTF-8 locale; rename it to UTF-8";
    }
}
