package dev.pipestore.objectstore.fs;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.StoreException;
import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.objectstore.ChecksummedUploads;
import dev.pipestore.objectstore.ObjectInfo;
import dev.pipestore.objectstore.ObjectKeys;
import dev.pipestore.objectstore.ObjectPage;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import dev.pipestore.objectstore.internal.BucketNames;
import dev.pipestore.objectstore.internal.RequestChecks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The object store port over a local directory: the embedded default when no S3 server is configured.
 *
 * <p>Objects are plain files under {@code root/bucket/} at their key's path (see {@link FsLayout}); each appears only
 * by an atomic rename of a complete, fsynced file, so several processes may share the directory. Two differences from
 * S3 remain: an object {@code a} and an object {@code a/b} cannot both exist ({@link dev.pipestore.ConflictException}),
 * and a key segment may have at most 255 bytes. Keys are case-sensitive only where the file system is.
 */
public final class FileSystemObjectStore implements ObjectStore, ChecksummedUploads {

    /** Staging files older than this belong to writers that crashed; younger ones may still be in use by another process. */
    static final Duration STALE_TEMP_AGE = Duration.ofHours(24);

    private final Path root;
    private final String bucket;
    private final FsLayout layout;
    private final DurableFiles files;
    private final FsWriter writer;
    private final FsListing listing;
    private volatile boolean closed;

    private FileSystemObjectStore(Path root, String bucket) {
        this.root = root;
        this.bucket = bucket;
        this.layout = new FsLayout(root.resolve(bucket));
        this.files = new DurableFiles(layout.stagingDir());
        this.writer = new FsWriter(layout, files);
        this.listing = new FsListing(layout);
    }

    /**
     * Opens (creating when missing) the bucket directory {@code root/bucket} and checks that it is writable.
     *
     * @throws InvalidInputException if {@code bucket} is not a valid S3 bucket name
     * @throws BackendUnavailableException naming the directory when it cannot be created or written
     */
    public static FileSystemObjectStore open(Path root, String bucket) {
        BucketNames.requireValid(bucket);
        FileSystemObjectStore store = new FileSystemObjectStore(root.toAbsolutePath().normalize(), bucket);
        store.prepareDirectories();
        return store;
    }

    private void prepareDirectories() {
        Path current = layout.bucketDir();
        try {
            for (Path dir : new Path[] {layout.bucketDir(), layout.stagingDir(), layout.metaDir()}) {
                current = dir;
                files.createDirectories(dir);
            }
            // Creating directories can succeed where writing files fails (a read-only mount, a full disk), so write one.
            current = layout.stagingDir();
            Files.delete(files.newTempFile("probe"));
            files.deleteStaleTempFiles(STALE_TEMP_AGE);
        } catch (IOException e) {
            throw new BackendUnavailableException(describe(), "data directory " + current + " is not usable: "
                    + describeFailure(e) + "; check that the path is a writable directory", e);
        }
    }

    @Override
    public StoredObject put(String key, InputStream content, PutOptions options) {
        requireOpen("put");
        ObjectKeys.requireValid(key);
        RequestChecks.requireAllowedMetadata(options);
        try {
            return writer.put(key, content, options);
        } catch (IOException e) {
            throw failure("put of " + ObjectKeys.printable(key), e);
        }
    }

    /** Copies the file like {@link #put}; the SHA-256 computed while writing must be {@code sha256}. */
    @Override
    public StoredObject putFile(String key, Path file, PutOptions options, String sha256) {
        requireOpen("putFile");
        ObjectKeys.requireValid(key);
        RequestChecks.requireAllowedMetadata(options);
        RequestChecks.requireSha256(sha256);
        try (InputStream content = Files.newInputStream(file)) {
            return writer.put(key, content, options, sha256);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("file", "cannot read " + file + ": no such file", e);
        } catch (IOException e) {
            throw failure("put of " + ObjectKeys.printable(key) + " from " + file, e);
        }
    }

    /** Writes the bytes like {@link #put}; the SHA-256 computed while writing must be {@code sha256}. */
    @Override
    public StoredObject putBytes(String key, byte[] content, int length, PutOptions options, String sha256) {
        requireOpen("putBytes");
        ObjectKeys.requireValid(key);
        RequestChecks.requireAllowedMetadata(options);
        RequestChecks.requireSha256(sha256);
        RequestChecks.requireLength(key, content, length, options);
        try {
            return writer.put(key, new ByteArrayInputStream(content, 0, length), options.withExpectedLength(length), sha256);
        } catch (IOException e) {
            throw failure("put of " + ObjectKeys.printable(key), e);
        }
    }

    @Override
    public InputStream get(String key, ByteRange range) {
        requireOpen("get");
        Path path = layout.objectPath(key);
        FileChannel channel = null;
        try {
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotFoundException("object", key);
            }
            channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            long size = channel.size();
            if (!range.isAll() && range.first() >= size) {
                throw new InvalidInputException("range", range.toHttpHeader() + " starts at or past the end of object "
                        + ObjectKeys.printable(key) + " (" + size + " bytes)");
            }
            RangeInputStream stream = new RangeInputStream(channel, range.first(), range.lengthWithin(size));
            channel = null;
            return stream;
        } catch (NoSuchFileException e) {
            throw new NotFoundException("object", key);
        } catch (IOException e) {
            throw failure("get of " + ObjectKeys.printable(key), e);
        } finally {
            closeQuietly(channel);
        }
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        requireOpen("head");
        Path path = layout.objectPath(key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            Optional<Sidecar> sidecar = Sidecar.read(layout.metaPath(key));
            return Optional.of(new ObjectInfo(key, attributes.size(),
                    sidecar.map(Sidecar::contentType).orElse(Sidecar.DEFAULT_CONTENT_TYPE),
                    attributes.lastModifiedTime().toInstant(),
                    sidecar.map(Sidecar::userMetadata).orElse(Map.of())));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("head of " + ObjectKeys.printable(key), e);
        }
    }

    @Override
    public void delete(String key) {
        requireOpen("delete");
        Path path = layout.objectPath(key);
        Path sidecar = layout.metaPath(key);
        try {
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(path)) {
                files.fsyncDirectory(path.getParent());
            }
            // The object goes first: a crash in between leaves an unused sidecar, never an object without metadata.
            if (Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(sidecar);
            }
        } catch (IOException e) {
            throw failure("delete of " + ObjectKeys.printable(key), e);
        }
        files.pruneEmptyDirectories(path.getParent(), layout.bucketDir());
        files.pruneEmptyDirectories(sidecar.getParent(), layout.metaDir());
    }

    @Override
    public ObjectPage list(String prefix, String continuation, int maxKeys) {
        requireOpen("list");
        String checkedPrefix = ObjectKeys.requireValidPrefix(prefix);
        RequestChecks.requireMaxKeys(maxKeys);
        try {
            return listing.list(checkedPrefix, continuation, maxKeys);
        } catch (IOException e) {
            throw failure("list of '" + checkedPrefix + "'", e);
        }
    }

    @Override
    public void ping() {
        requireOpen("ping");
        if (!Files.isDirectory(layout.bucketDir()) || !Files.isDirectory(layout.stagingDir())) {
            throw new BackendUnavailableException(describe(), "bucket directory " + layout.bucketDir() + " is missing", null);
        }
    }

    @Override
    public String describe() {
        return "file system " + root + " bucket " + bucket;
    }

    /** After {@link #close}, a call is the caller's mistake: say so, rather than fail as an outage or go on working. */
    private void requireOpen(String operation) {
        if (closed) {
            throw new StoreException("object store " + describe() + " is closed; cannot " + operation);
        }
    }

    @Override
    public void close() {
        closed = true;
        // Nothing is held open between calls.
    }

    @Override
    public String toString() {
        return "FileSystemObjectStore[" + describe() + "]";
    }

    private BackendUnavailableException failure(String action, IOException e) {
        return new BackendUnavailableException(describe(), action + " failed: " + describeFailure(e), e);
    }

    private static String describeFailure(IOException e) {
        // NIO's messages are often just the path; the exception type says what happened (AccessDenied, NotDirectory...).
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Only reached when get already failed; that failure is the one to report.
            }
        }
    }
}
