package dev.pipestore.ingest;

import dev.pipestore.InvalidInputException;
import dev.pipestore.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload copied to a temporary file, with its size and SHA-256, so it can be checked (probed, decoded) before
 * anything is stored. Closing it deletes the file.
 */
final class SpooledUpload implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final long size;
    private final String sha256;

    private SpooledUpload(Path file, long size, String sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * Copies {@code content} into a new file in {@code tempDir}, checking each chunk with {@code inspector}.
     *
     * @throws InvalidInputException when the content is larger than {@code maxBytes} or the inspector refuses it
     */
    static SpooledUpload spool(InputStream content, Path tempDir, long maxBytes, ChunkInspector inspector) {
        Path file;
        try {
            Files.createDirectories(tempDir);
            file = Files.createTempFile(tempDir, "upload-", ".part");
        } catch (IOException e) {
            throw new StoreException("cannot create a temporary file in " + tempDir + ": " + e.getMessage(), e);
        }
        try {
            MessageDigest digest = sha256Digest();
            long total = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                byte[] buffer = new byte[BUFFER_BYTES];
                for (int n; (n = content.read(buffer)) != -1; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new InvalidInputException("file", "larger than the limit of " + maxBytes + " bytes");
                    }
                    inspector.inspect(buffer, n, total - n);
                    out.write(buffer, 0, n);
                }
                inspector.finish(total);
            }
            return new SpooledUpload(file, total, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            deleteQuietly(file);
            throw new InvalidInputException("file", "could not read the upload: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp file is harmless and is named upload-*.part; nothing to tell the caller.
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Looks at each chunk as it is spooled; throws {@link InvalidInputException} to refuse the upload. */
    interface ChunkInspector {

        ChunkInspector NONE = new ChunkInspector() {
            @Override
            public void inspect(byte[] chunk, int length, long offset) {}

            @Override
            public void finish(long totalBytes) {}
        };

        void inspect(byte[] chunk, int length, long offset);

        void finish(long totalBytes);
    }
}
