package dev.pipestore.server;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.Role;
import dev.pipestore.config.StoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server on an ephemeral loopback port over a store of its own (embedded defaults in a fresh directory unless the
 * environment says otherwise), with one API key per role; shared by the tests of one class.
 *
 * <pre>{@code @RegisterExtension static final ServerHarness SERVER = new ServerHarness();}</pre>
 */
final class ServerHarness implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<Map<String, String>> environment;
    private final UnaryOperator<ServerSettings> settings;
    private final Map<Role, String> keys = new EnumMap<>(Role.class);
    private Path dataDir;
    private PipeStore store;
    private PipestoreServer server;
    private HttpClient http;

    ServerHarness() {
        this(Map::of, s -> s);
    }

    ServerHarness(Map<String, String> environment, UnaryOperator<ServerSettings> settings) {
        this(() -> environment, settings);
    }

    /** @param environment the store's variables besides the data directory, asked for when the class starts */
    ServerHarness(Supplier<Map<String, String>> environment, UnaryOperator<ServerSettings> settings) {
        this.environment = environment;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("pipestore-server-test");
        Map<String, String> env = new HashMap<>(environment.get());
        env.put("PIPESTORE_DATA_DIR", dataDir.toString());
        store = PipeStore.open(StoreConfig.from(env));
        for (Role role : Role.values()) {
            keys.put(role, store.apiKeys().create(role, "test " + role.wireName()).secret());
        }
        server = PipestoreServer.start(store, settings.apply(ServerSettings.defaults().withPort(0)));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            store.close();
            deleteTree(dataDir);
        }
    }

    PipeStore store() {
        return store;
    }

    PipestoreServer server() {
        return server;
    }

    Path dataDir() {
        return dataDir;
    }

    String key(Role role) {
        return keys.get(role);
    }

    URI uri(String pathAndQuery) {
        return server.baseUri().resolve(pathAndQuery);
    }

    /** A request to {@code path}, to be given a key, a body and headers, then sent. */
    Call call(String method, String pathAndQuery) {
        return new Call(http, uri(pathAndQuery), method, this::key);
    }

    Call get(String path) {
        return call("GET", path);
    }

    Call post(String path) {
        return call("POST", path);
    }

    /** Uploads {@code wav} with the ingest key and returns the new record's id. */
    String upload(byte[] wav, String name) {
        return post("/v1/audio?name=" + name).as(Role.INGEST).body("audio/wav", wav).send().expect(201).json().path("id").asText();
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
