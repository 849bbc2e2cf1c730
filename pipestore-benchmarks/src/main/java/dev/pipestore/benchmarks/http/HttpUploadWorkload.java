package dev.pipestore.benchmarks.http;

import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.driver.Operation;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.benchmarks.env.DiskSettle;
import dev.pipestore.catalog.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Upload of one WAV over the HTTP API ({@code POST /v1/audio?name=...}, raw body, ingest key) to pipestore's server in
 * this JVM, which ingests it into S3Proxy and PostgreSQL, against a plain AWS SDK v2 PutObject of the same bytes to the
 * same S3Proxy bucket.
 */
public final class HttpUploadWorkload implements Workload {

    /** Issue 4: an upload over HTTP at least this fraction of a raw PutObject. */
    static final double TARGET = 0.85;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final PipeStore store;
    private final S3Client raw;
    private final String bucket;
    private final String label;
    private final byte[] wav;
    private final int threads;
    private final ServedStore server;
    private final URI upload;
    private final AtomicLong rawKeys = new AtomicLong();
    private final Queue<UUID> uploaded = new ConcurrentLinkedQueue<>();
    private final Queue<String> rawWritten = new ConcurrentLinkedQueue<>();
    private long stored;

    /** @param label the size as people say it, such as {@code 10 MiB} */
    public HttpUploadWorkload(PipeStore store, S3Client raw, String bucket, String label, byte[] wav, int threads) {
        this.store = store;
        this.raw = raw;
        this.bucket = bucket;
        this.label = label;
        this.wav = wav;
        this.threads = threads;
        this.server = new ServedStore(store, Role.INGEST);
        this.upload = server.uri("/v1/audio?name=bench-http-" + label.replace(' ', '-') + ".wav");
    }

    @Override
    public String title() {
        return "HTTP upload " + label + " WAV (`POST /v1/audio`) vs S3 PutObject";
    }

    @Override
    public String description() {
        return "HTTP upload " + label + ": ours is `POST /v1/audio?name=...` with `Content-Type: audio/wav`, the ingest key"
                + " and the " + wav.length + " bytes as a raw body, sent from memory by `java.net.http.HttpClient` (HTTP/1.1,"
                + " one client shared by the load threads, keep-alive) to pipestore's server started in this JVM on a loopback"
                + " port (Javalin/Jetty, virtual threads), which spools, probes, puts to S3Proxy with the checksum checked and"
                + " commits the row in PostgreSQL before answering 201; raw is `S3Client.putObject(.., RequestBody.fromBytes(wav))`"
                + " of the same bytes to the same bucket (AWS SDK v2 defaults, Apache 5 HTTP client), " + threads
                + " client thread(s) on both sides; at most " + HttpRows.MAX_PAIRS + " measured pairs. Target " + TARGET + ".";
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
    public double target() {
        return TARGET;
    }

    @Override
    public boolean reportsLatency() {
        return true;
    }

    @Override
    public int maxRepetitions() {
        return HttpRows.MAX_PAIRS;
    }

    @Override
    public Operation ours() {
        HttpRequest request = HttpRequest.newBuilder(upload).timeout(REQUEST_TIMEOUT)
                .header("Authorization", server.bearer()).header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build();
        return thread -> {
            HttpResponse<String> response = server.client().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
            }
            // Location is /v1/audio/{id}: cheaper than parsing the record, and the raw side parses nothing either.
            String location = response.headers().firstValue("Location").orElseThrow();
            uploaded.add(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
        };
    }

    @Override
    public Operation raw() {
        return thread -> {
            String key = "bench-raw/http-" + label.replace(' ', '-') + "/" + rawKeys.incrementAndGet() + ".wav";
            raw.putObject(b -> b.bucket(bucket).key(key).contentType("audio/wav"), RequestBody.fromBytes(wav));
            rawWritten.add(key);
        };
    }

    /** Deletes what the window wrote and flushes, so the disk and S3Proxy's directory look the same to every window. */
    @Override
    public void afterWindow() throws IOException, InterruptedException {
        for (UUID id; (id = uploaded.poll()) != null; ) {
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
        return stored + " files uploaded over HTTP, answered 201, and deleted again";
    }

    @Override
    public void close() {
        try (server) {
            afterWindow();
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up after " + title(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
