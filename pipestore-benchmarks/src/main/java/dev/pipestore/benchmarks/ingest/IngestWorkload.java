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

/**
 * Ingest of one WAV through {@code PipeStore.audio().ingest} (spool, probe, checked put to S3, row in PostgreSQL)
 * against a plain AWS SDK v2 PutObject of the same bytes to the same S3Proxy bucket.
 */
public final class IngestWorkload implements Workload {

    private final PipeStore store;
    private final S3Client raw;
    private final String bucket;
    private final String label;
    private final byte[] wav;
    private final int threads;
    private final AtomicLong rawKeys = new AtomicLong();
    private final Queue<UUID> ingested = new ConcurrentLinkedQueue<>();
    private final Queue<String> rawWritten = new ConcurrentLinkedQueue<>();
    private long stored;

    /** @param label the size as people say it, such as {@code 10 MiB} */
    public IngestWorkload(PipeStore store, S3Client raw, String bucket, String label, byte[] wav, int threads) {
        this.store = store;
        this.raw = raw;
        this.bucket = bucket;
        this.label = label;
        this.wav = wav;
        this.threads = threads;
    }

    @Override
    public String title() {
        return "ingest " + label + " WAV (S3Proxy + PostgreSQL) vs S3 PutObject";
    }

    @Override
    public String description() {
        return "Ingest " + label + ": ours is `store.audio().ingest(InputStream, AudioUpload.named(..))` (spool to a temp file"
                + " with SHA-256, probe, put to S3Proxy with the checksum checked, row committed in PostgreSQL); raw is"
                + " `S3Client.putObject(.., RequestBody.fromBytes(wav))` of the same " + wav.length + " bytes to the same bucket"
                + " (AWS SDK v2 defaults, Apache 5 HTTP client), " + threads + " thread(s).";
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
            raw.putObject(b -> b.bucket(bucket).key(key).contentType("audio/wav"), RequestBody.fromBytes(wav));
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
