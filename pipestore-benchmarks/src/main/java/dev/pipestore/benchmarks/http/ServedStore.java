package dev.pipestore.benchmarks.http;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.Role;
import dev.pipestore.server.PipestoreServer;
import dev.pipestore.server.ServerSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * pipestore's HTTP server started in the benchmark JVM over a store, on an ephemeral loopback port, with an API key of
 * one role, and the JDK HTTP client the load threads share. In-process on purpose: the server's CPU is then counted in
 * the row's CPU per operation, and the JFR profile of a row below target sees the server's own frames. Closing stops
 * the server; the store stays open (its owner closes it).
 */
final class ServedStore implements AutoCloseable {

    private final PipestoreServer server;
    private final String key;
    private final HttpClient client;

    ServedStore(PipeStore store, Role role) {
        this.key = store.apiKeys().create(role, "bench-" + role.wireName()).secret();
        this.server = PipestoreServer.start(store, ServerSettings.defaults().withBind("127.0.0.1").withPort(0));
        // HTTP/1.1 as a pipeline stage would speak it; left at HTTP/2 the client would try an h2c upgrade every time.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    URI uri(String pathAndQuery) {
        return server.baseUri().resolve(pathAndQuery);
    }

    /** The {@code Authorization} header's value. */
    String bearer() {
        return "Bearer " + key;
    }

    HttpClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            client.close();
        }
    }
}
