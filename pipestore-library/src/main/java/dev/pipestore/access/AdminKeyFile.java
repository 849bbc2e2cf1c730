package dev.pipestore.access;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The file holding the first-start admin secret: created only if absent, readable by its owner only. */
final class AdminKeyFile {

    private AdminKeyFile() {}

    /**
     * Creates {@code file} holding {@code secret} and syncs it to disk. CREATE_NEW makes creation atomic: of two
     * processes starting at once, exactly one creates the file and the other gets {@link
     * java.nio.file.FileAlreadyExistsException}, so neither overwrites a secret the other already handed out. On POSIX
     * file systems the mode is 0600 from the first instant (set at creation, so no window where others could open it).
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists; it is left untouched
     */
    static void createNew(Path file, String secret) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(file, options, attributes)) {
            try {
                ByteBuffer content = ByteBuffer.wrap((secret + "\n").getBytes(StandardCharsets.US_ASCII));
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            } catch (IOException e) {
                // A file without the whole secret would block the next start's attempt; remove it.
                Files.deleteIfExists(file);
                throw e;
            }
        }
        syncDirectory(file.getParent());
    }

    /** The secret in {@code file}, if it holds one; partial or foreign content reads as empty. */
    static Optional<String> read(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return ApiKeySecrets.wellFormed(content) ? Optional.of(content) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Makes the new directory entry durable too; best effort, as not every platform can open a directory. */
    private static void syncDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // the file itself is synced; only its directory entry might not survive a power cut
        }
    }
}
