package dev.pipestore.ingest;

import dev.pipestore.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An upload read whole, with its size and SHA-256, so it can be checked (probed, decoded) before anything is stored:
 * kept in memory while {@link UploadMemory} lends it the bytes (up to its per-upload limit), otherwise copied to a
 * temporary file so memory stays flat however large the upload and however many run at once. Closing it deletes the
 * file or gives the memory back.
 */
final class SpooledUpload implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;
    /** Growth step when doubling the array does not fit the budget: bounds the copies of a large array to a few. */
    private static final int CHUNK_BYTES = 1024 * 1024;

    private final byte[] memory;
    private final Path file;
    private final long size;
    private final String sha256;
    private final SpoolDirectory spool;
    private final UploadMemory budget;
    private long reserved;

    private SpooledUpload(byte[] memory, Path file, SpoolDirectory spool, long size, String sha256, UploadMemory budget,
            long reserved) {
        this.memory = memory;
        this.file = file;
        this.spool = spool;
        this.size = size;
        this.sha256 = sha256;
        this.budget = budget;
        this.reserved = reserved;
    }

    /**
     * Reads {@code content} whole, checking each chunk with {@code inspector}: into memory reserved from
     * {@code budget} while the upload fits its per-upload limit and the budget lends the bytes, then into a new file in
     * {@code spool}, giving the memory back at once.
     *
     * @throws InvalidInputException when the content is larger than {@code maxBytes} or the inspector refuses it
     */
    static SpooledUpload spool(InputStream content, SpoolDirectory spool, long maxBytes, UploadMemory budget,
            ChunkInspector inspector) {
        Reading reading = new Reading(maxBytes, inspector);
        Held held = new Held(budget);
        Path file = null;
        OutputStream out = null;
        try {
            long known = knownLength(content);
            if (known <= budget.perUploadBytes() && held.readFrom(content, known, reading)) {
                inspector.finish(reading.total);
                return new SpooledUpload(held.bytes, null, spool, reading.total, reading.sha256(), budget, held.bytes.length);
            }
            file = spool.create();
            out = Files.newOutputStream(file);
            out.write(held.bytes, 0, held.length);
            out.write(held.overflow);
            held.release();
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n; (n = content.read(buffer)) != -1; ) {
                reading.accept(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            inspector.finish(reading.total);
            out.close();
            return new SpooledUpload(null, file, spool, reading.total, reading.sha256(), budget, 0);
        } catch (IOException e) {
            held.release();
            closeAndDelete(out, file, spool);
            throw new InvalidInputException("file", "could not read the upload: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            held.release();
            closeAndDelete(out, file, spool);
            throw e;
        }
    }

    /**
     * What the stream declares is left ({@link DeclaredLength}) or says it can give at once, which for a file or an
     * array is all of it: such an upload gets an array of its size at once (no copies while doubling), and one larger
     * than memory may hold goes to a file from the start. Other streams say 0 or what has arrived so far; a hint too
     * small only means the array grows.
     */
    private static long knownLength(InputStream content) {
        if (content instanceof DeclaredLength declared && declared.declaredRemaining() >= 0) {
            return declared.declaredRemaining();
        }
        try {
            return Math.max(0, content.available());
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether the upload is held in memory ({@link #bytes()}) rather than in a file ({@link #file()}). */
    boolean inMemory() {
        return file == null;
    }

    /** The upload's bytes, of which the first {@link #size()} count; only when {@link #inMemory()}. */
    byte[] bytes() {
        if (memory == null) {
            throw new IllegalStateException("the upload was spooled to " + file);
        }
        return memory;
    }

    /** The temporary file holding the upload; only when not {@link #inMemory()}. */
    Path file() {
        if (file == null) {
            throw new IllegalStateException("the upload is held in memory");
        }
        return file;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    /** Where the upload is, for messages. */
    String describe() {
        return inMemory() ? size + " bytes in memory" : file.toString();
    }

    InputStream open() throws IOException {
        return inMemory() ? new ByteArrayInputStream(memory, 0, (int) size) : Files.newInputStream(file);
    }

    @Override
    public void close() {
        if (file != null) {
            spool.delete(file);
        }
        if (reserved > 0) {
            budget.release(reserved);
            reserved = 0;
        }
    }

    private static void closeAndDelete(OutputStream out, Path file, SpoolDirectory spool) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // The upload failed already; the file goes next.
            }
        }
        if (file != null) {
            spool.delete(file);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The size, the SHA-256 and the inspection of the bytes read so far, wherever they were put. */
    private static final class Reading {

        private final long maxBytes;
        private final ChunkInspector inspector;
        private final MessageDigest digest = sha256Digest();
        private long total;

        Reading(long maxBytes, ChunkInspector inspector) {
            this.maxBytes = maxBytes;
            this.inspector = inspector;
        }

        void accept(byte[] bytes, int from, int length) {
            total += length;
            if (total > maxBytes) {
                throw new InvalidInputException("file", "larger than the limit of " + maxBytes + " bytes");
            }
            inspector.inspect(bytes, from, length, total - length);
            digest.update(bytes, from, length);
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** The bytes held in memory so far; the array is exactly what is reserved from the budget. */
    private static final class Held {

        private final UploadMemory budget;
        private byte[] bytes = new byte[0];
        private int length;
        /** The byte read past a full array to see whether the stream ended, or none. */
        private byte[] overflow = new byte[0];

        Held(UploadMemory budget) {
            this.budget = budget;
        }

        /**
         * Reads the stream straight into the array, growing it within the budget: true when the stream ended, false
         * when the upload must spill (what was read stays in {@link #bytes} for the file).
         *
         * @param known what the stream said is left: the array starts one byte larger, room to see the end (at the
         *     per-upload limit, the end is seen by reading one byte past it)
         */
        boolean readFrom(InputStream content, long known, Reading reading) throws IOException {
            if (known > 0 && !growTo(Math.min(known + 1, budget.perUploadBytes()))) {
                return false;
            }
            while (true) {
                if (length == bytes.length && !grow((long) length + 1)) {
                    return endsHere(content, reading);
                }
                int n = content.read(bytes, length, bytes.length - length);
                if (n < 0) {
                    return true;
                }
                reading.accept(bytes, length, n);
                length += n;
            }
        }

        /** At the limit: whether the stream ends exactly here, or has a byte more, kept in {@link #overflow}. */
        private boolean endsHere(InputStream content, Reading reading) throws IOException {
            int next = content.read();
            if (next < 0) {
                return true;
            }
            overflow = new byte[] {(byte) next};
            reading.accept(overflow, 0, 1);
            return false;
        }

        /** Doubles the array (so a 10 MiB upload is copied a few times, not once per chunk), or grows by what fits. */
        private boolean grow(long needed) {
            int limit = budget.perUploadBytes();
            if (needed > limit) {
                return false;
            }
            long doubled = Math.min(limit, Math.max(needed, Math.max(BUFFER_BYTES, 2L * bytes.length)));
            long stepped = Math.min(limit, (needed + CHUNK_BYTES - 1) / CHUNK_BYTES * CHUNK_BYTES);
            return growTo(doubled) || (stepped < doubled && growTo(stepped));
        }

        private boolean growTo(long capacity) {
            if (!budget.tryReserve(capacity - bytes.length)) {
                return false;
            }
            bytes = Arrays.copyOf(bytes, (int) capacity);
            return true;
        }

        /** Gives the memory back; the bytes are gone (written to the file, or the upload failed). */
        void release() {
            if (bytes != null && bytes.length > 0) {
                budget.release(bytes.length);
            }
            bytes = new byte[0];
            length = 0;
        }
    }

    /** Looks at each chunk as it is spooled; throws {@link InvalidInputException} to refuse the upload. */
    interface ChunkInspector {

        ChunkInspector NONE = new ChunkInspector() {
            @Override
            public void inspect(byte[] bytes, int from, int length, long offset) {}

            @Override
            public void finish(long totalBytes) {}
        };

        /** Looks at {@code bytes[from, from + length)}, which start {@code offset} bytes into the upload. */
        void inspect(byte[] bytes, int from, int length, long offset);

        void finish(long totalBytes);
    }
}
