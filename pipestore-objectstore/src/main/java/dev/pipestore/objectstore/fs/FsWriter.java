package dev.pipestore.objectstore.fs;

import dev.pipestore.ConflictException;
import dev.pipestore.IntegrityException;
import dev.pipestore.objectstore.ObjectKeys;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import dev.pipestore.objectstore.internal.ContentReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one object: content streamed into a staging file while its SHA-256 is computed, fsynced; then the sidecar;
 * then one atomic rename puts the object in place. A crash or a failing input at any point leaves the previous state
 * of the key (and at most a staging file, swept later), never a partial object.
 *
 * <p>The file system cannot hold both an object {@code a} and an object {@code a/b}: that put is a
 * {@link ConflictException}. Writing the sidecar before the object means a visible object always has metadata; a
 * crash between the two renames while replacing an object can pair the new metadata with the old content.
 */
final class FsWriter {

    private static final int BUFFER_SIZE = 128 * 1024;

    private final FsLayout layout;
    private final DurableFiles files;

    FsWriter(FsLayout layout, DurableFiles files) {
        this.layout = layout;
        this.files = files;
    }

    StoredObject put(String key, InputStream content, PutOptions options) throws IOException {
        return put(key, content, options, null);
    }

    /**
     * Like {@link #put(String, InputStream, PutOptions)}, but refuses content whose SHA-256 is not {@code expectedSha256}
     * (when not null) before anything becomes visible.
     */
    StoredObject put(String key, InputStream content, PutOptions options, String expectedSha256) throws IOException {
        Path target = layout.objectPath(key);
        prepareTarget(key, target);
        Path temp = files.newTempFile("object");
        try {
            ContentReader reader = new ContentReader(key, content, options.expectedLength());
            String sha256 = writeContent(temp, reader);
            if (expectedSha256 != null && !expectedSha256.equals(sha256)) {
                throw new IntegrityException("key " + ObjectKeys.printable(key) + ": the content's SHA-256 is " + sha256
                        + ", not the " + expectedSha256 + " the caller gave; nothing was stored");
            }
            writeSidecar(key, new Sidecar(options.contentType(), options.userMetadata(), sha256, reader.consumed()));
            try {
                files.moveIntoPlace(temp, target);
            } catch (IOException e) {
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw keysBelow(key, e);
                }
                throw e;
            }
            return new StoredObject(key, reader.consumed(), sha256);
        } finally {
            DurableFiles.deleteQuietly(temp);
        }
    }

    /** Fails fast, before reading any content, when the key cannot live here beside the objects already stored. */
    private void prepareTarget(String key, Path target) throws IOException {
        try {
            files.createDirectories(target.getParent());
        } catch (FileAlreadyExistsException e) {
            String object = layout.keyOf(Path.of(e.getFile()));
            throw new ConflictException("key " + ObjectKeys.printable(key) + " cannot be stored: " + ObjectKeys.printable(object)
                    + " is an object, and the file-system store cannot also keep keys below it", e);
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                // An empty directory is what a delete left when it could not prune; it holds no keys.
                Files.delete(target);
            } catch (DirectoryNotEmptyException e) {
                throw keysBelow(key, e);
            }
        }
    }

    private static String writeContent(Path temp, ContentReader reader) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
            String sha256 = reader.finish();
            channel.force(true);
            return sha256;
        }
    }

    private void writeSidecar(String key, Sidecar sidecar) throws IOException {
        Path target = layout.metaPath(key);
        Path temp = files.newTempFile("meta");
        try {
            Files.write(temp, sidecar.toBytes());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            removeStaleSidecars(target);
            files.moveIntoPlace(temp, target);
        } finally {
            DurableFiles.deleteQuietly(temp);
        }
    }

    /**
     * Clears sidecars left in the way by a crash during a delete. The object tree was checked first, so a file where
     * the sidecar tree needs a directory (or an empty directory where it needs a file) belongs to no object.
     */
    private void removeStaleSidecars(Path target) throws IOException {
        for (Path dir = target.getParent(); dir.startsWith(layout.metaDir()) && !dir.equals(layout.metaDir()); dir = dir.getParent()) {
            if (Files.isRegularFile(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(dir);
            }
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.delete(target);
            } catch (DirectoryNotEmptyException e) {
                // Orphaned sidecars of keys below: the object rename will report the real state.
            }
        }
    }

    private static ConflictException keysBelow(String key, IOException cause) {
        return new ConflictException("key " + ObjectKeys.printable(key) + " cannot be stored: other keys start with "
                + ObjectKeys.printable(key) + "/, and the file-system store cannot keep an object and keys below it", cause);
    }
}
