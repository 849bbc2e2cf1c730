package dev.pipestore.benchmarks.http;

import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.driver.Operation;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.cache.CacheStats;
import dev.pipestore.catalog.Role;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code GET /v1/transcriptions/{id}} with a read key against the same server answering {@code GET /health}, a
 * constant route that touches no backend: how close a real read comes to the server's own floor. Cached, the store
 * answers from Redis; uncached, a second store whose cache misses every time ({@link AlwaysMissCache}) answers from
 * PostgreSQL.
 */
public final class TranscriptionGetWorkload implements Workload {

    /** Issue 4: a transcription read over HTTP at least this fraction of the constant route. */
    static final double TARGET = 0.5;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final PipeStore store;
    private final boolean cached;
    private final int threads;
    private final ServedStore server;
    private final URI transcription;
    private final URI health;
    private final PipeStore owned;
    private final CacheStats before;
    private int bodyBytes;

    /**
     * @param store the store the server serves
     * @param cached whether {@code store}'s cache holds the transcription (it is read once here to fill it)
     * @param owned closed with the workload: the uncached row's own store, or null
     */
    TranscriptionGetWorkload(PipeStore store, UUID transcriptionId, boolean cached, int threads, PipeStore owned) {
        this.store = store;
        this.cached = cached;
        this.threads = threads;
        this.owned = owned;
        store.transcriptions().get(transcriptionId); // fills the cache, or for the uncached store proves it misses
        this.server = new ServedStore(store, Role.READ);
        this.transcription = server.uri("/v1/transcriptions/" + transcriptionId);
        this.health = server.uri("/health");
        this.before = store.readCacheStats();
    }

    @Override
    public String title() {
        return "HTTP GET transcription by id, " + (cached ? "cached (Redis hit)" : "uncached (PostgreSQL)") + " vs GET /health";
    }

    @Override
    public String description() {
        String source = cached
                ? "the store reads the transcription from Redis (the cache holds it; every read a hit)"
                : "a second store on the same PostgreSQL and Redis, served by a second server instance, whose cache port"
                        + " misses every read while doing a real miss's work (Redis GET that finds nothing, catalog SELECT by"
                        + " id, Redis SET of the JSON under a key no read asks for), so every request is answered by PostgreSQL";
        return "HTTP GET of a transcription, " + (cached ? "cached" : "uncached") + ": ours is `GET /v1/transcriptions/{id}` with"
                + " a read key (the key is checked against the catalog on every request); " + source + "; raw is the same"
                + " server's `GET /health`, a constant JSON answer touching no backend, sent with the same header. Both by"
                + " `java.net.http.HttpClient` (HTTP/1.1, keep-alive, one client shared by " + threads + " load thread(s)),"
                + " server started in this JVM on a loopback port; at most " + HttpRows.MAX_PAIRS + " measured pairs. Target "
                + TARGET + " of the constant route.";
    }

    @Override
    public int threads() {
        return threads;
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
        HttpRequest request = get(transcription);
        return thread -> {
            HttpResponse<byte[]> response = server.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + transcription + " answered " + response.statusCode());
            }
            bodyBytes = response.body().length;
        };
    }

    @Override
    public Operation raw() {
        HttpRequest request = get(health);
        return thread -> {
            HttpResponse<byte[]> response = server.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + health + " answered " + response.statusCode());
            }
        };
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Authorization", server.bearer()).GET().build();
    }

    /** Every read must have come from where the row says, or it would measure the other path. */
    @Override
    public String verify() {
        CacheStats now = store.readCacheStats();
        long hits = now.hits() - before.hits();
        long misses = now.misses() - before.misses();
        if (cached && misses != 0) {
            throw new IllegalStateException(misses + " of the cached row's reads missed the cache");
        }
        if (!cached && hits != 0) {
            throw new IllegalStateException(hits + " of the uncached row's reads hit the cache");
        }
        return (hits + misses) + " reads, all cache " + (cached ? "hits" : "misses") + ", of a " + bodyBytes + "-byte JSON answer";
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (owned != null) {
                owned.close();
            }
        }
    }
}
