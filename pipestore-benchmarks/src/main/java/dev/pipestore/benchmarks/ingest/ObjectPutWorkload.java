package dev.pipestore.benchmarks.ingest;

import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.driver.Operation;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.benchmarks.env.DiskSettle;
import dev.pipestore.objectstore.PutOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A diagnostic row that splits ingest in two: the object-store port alone ({@code S3ObjectStore.put} with the options
 * ingest passes) against the same raw PutObject. Whatever ingest loses beyond this row's loss is spent outside the
 * adapter (spooling, probing, the catalog row).
 */
public final class ObjectPutWorkload implements Workload {

    private final PipeStore store;
    private final S3Client raw;
    private final String bucket;
    private final String label;
    private final byte[] wav;
    private final PutOptions options;
    private final AtomicLong keys = new AtomicLong();
    private final Queue<String> written = new ConcurrentLinkedQueue<>();

    public ObjectPutWorkload(PipeStore store, S3Client raw, String bucket, String label, byte[] wav) {
        this.store = store;
        this.raw = raw;
        this.bucket = bucket;
        this.label = label;
        this.wav = wav;
        this.options = new PutOptions("audio/wav", wav.length, Map.of());
    }

    @Override
    public String title() {
        return "diagnostic: object store port put " + label + " vs S3 PutObject";
    }

    @Override
    public String description() {
        return "Diagnostic, " + label + ": ours is `store.objects().put(key, InputStream, options)` alone, the S3 adapter with"
                + " the options ingest passes (content type, exact length); raw is the same"
                + " PutObject as in the ingest rows. Ingest's loss beyond this row's is spent outside the adapter.";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public long bytesPerOperation() {
        return wav.length;
    }

    @Override
    public Operation ours() {
        return thread -> {
            String key = "raw/audio/bench/port-" + keys.incrementAndGet() + ".wav";
            store.objects().put(key, new ByteArrayInputStream(wav), options);
            written.add(key);
        };
    }

    @Override
    public Operation raw() {
        return thread -> {
            String key = "bench-raw/port-" + keys.incrementAndGet() + ".wav";
            raw.putObject(b -> b.bucket(bucket).key(key).contentType("audio/wav"), RequestBody.fromBytes(wav));
            written.add(key);
        };
    }

    @Override
    public void afterWindow() throws IOException, InterruptedException {
        for (String key; (key = written.poll()) != null; ) {
            String k = key;
            raw.deleteObject(b -> b.bucket(bucket).key(k));
        }
        DiskSettle.sync();
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
