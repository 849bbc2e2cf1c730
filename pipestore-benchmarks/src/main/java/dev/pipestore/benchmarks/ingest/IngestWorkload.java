package dev.pipestore.benchmarks.ingest;

import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.driver.Operation;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.benchmarks.env.DiskSettle;
import dev.pipestore.ingest.AudioUpload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * Ingest of one WAV through {@code PipeStore.audio().ingest} (spool, probe, checked put to S3, row in PostgreSQL)
 * against a plain AWS SDK v2 PutObject of the same bytes to the same S3Proxy bucket.
 *
 * <p>The raw PutObject runs in one of two modes. {@link RawPut#SDK_DEFAULTS} is what the issue asks for: the SDK's
 * defaults, under which the server checks a CRC32 of the body. {@link RawPut#SHA256_CHECKED} asks the SDK to send a
 * SHA-256 of the body that the server checks, the guarantee invariant 1 requires of ingest; it is the like-for-like
 * baseline, shown beside the first so the cost of the guarantee and the cost of pipestore can be told apart.
 */
public final class IngestWorkload implements Workload {

    private final PipeStore store;
    private final S3Client raw;
    private final String bucket;
    private final String label;
    private final byte[] wav;
    private final int threads;
    private final RawPut rawPut;
    private final AtomicLong rawKeys = new AtomicLong();
    private final Queue<UUID> ingested = new ConcurrentLinkedQueue<>();
    private final Queue<String> rawWritten = new ConcurrentLinkedQueue<>();
    private long stored;

    /** @param label the size as people say it, such as {@code 10 MiB} */
    public IngestWorkload(PipeStore store, S3Client raw, String bucket, String label, byte[] wav, int threads,
            RawPut rawPut) {
        this.store = store;
        this.raw = raw;
        this.bucket = bucket;
        this.label = label;
        this.wav = wav;
        this.threads = threads;
        this.rawPut = rawPut;
    }

    /** What the raw side's PutObject asks the server to check. */
    public enum RawPut {
        /** AWS SDK v2 defaults: a CRC32 of the body. */
        SDK_DEFAULTS,
        /** {@code checksumAlgorithm(SHA256)}: the SDK hashes the body and the server checks the SHA-256. */
        SHA256_CHECKED
    }

    @Override
    public String title() {
        return "ingest " + label + " WAV (S3Proxy + PostgreSQL) vs S3 PutObject"
                + (rawPut == RawPut.SHA256_CHECKED ? " with SHA-256 checked" : "");
    }

    @Override
    public String description() {
        String rawSide = rawPut == RawPut.SHA256_CHECKED
                ? "`S3Client.putObject(b -> b..checksumAlgorithm(SHA256), RequestBody.fromBytes(wav))` (the SDK hashes the"
                        + " body and S3Proxy checks the SHA-256, as it does for ours)"
                : "`S3Client.putObject(.., RequestBody.fromBytes(wav))` (AWS SDK v2 defaults: S3Proxy checks a CRC32)";
        return "Ingest " + label + ": ours is `store.audio().ingest(InputStream, AudioUpload.named(..))` (read with SHA-256"
                + " into memory up to 1 MiB, into a temporary file above, probe, put to S3Proxy with"
                + " `x-amz-checksum-sha256` checked by the server, row committed in PostgreSQL); raw is " + rawSide
                + " of the same " + wav.length + " bytes to the same bucket (Apache 5 HTTP client), " + threads + " thread(s).";
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public long bytesPerOperation() {
        return wav.length;
    }

    @Override
    public Operation ours() {
        AudioUpload upload = AudioUpload.named("bench-" + label.replace(' ', '-') + ".wav");
        return thread -> ingested.add(store.audio().ingest(new ByteArrayInputStream(wav), upload).id());
    }

    @Override
    public Operation raw() {
        return thread -> {
            String key = "bench-raw/" + label.replace(' ', '-') + "/" + rawKeys.incrementAndGet() + ".wav";
            raw.putObject(b -> {
                b.bucket(bucket).key(key).contentType("audio/wav");
                if (rawPut == RawPut.SHA256_CHECKED) {
                    b.checksumAlgorithm(ChecksumAlgorithm.SHA256);
                }
            }, RequestBody.fromBytes(wav));
            rawWritten.add(key);
        };
    }

    /** Deletes what the window wrote and flushes, so the disk and S3Proxy's directory look the same to every window. */
    @Override
    public void afterWindow() throws IOException, InterruptedException {
        for (UUID id; (id = ingested.poll()) != null; ) {
            store.audio().delete(id);
            stored++;
        }
        for (String key; (key = rawWritten.poll()) != null; ) {
            String k = key;
            raw.deleteObject(b -> b.bucket(bucket).key(k));
        }
        DiskSettle.sync();
    }

    @Override
    public String verify() {
        return stored + " files ingested and deleted again";
    }

    @Override
    public void close() {
        try {
            afterWindow();
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up after " + title(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
