package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Role;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.ingest.TextUpload;
import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.objectstore.ObjectInfo;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.objectstore.ForwardingObjectStore;
import dev.pipestore.wiring.Backends;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download whose record is deleted after the server read it but before it reads the object: the file is gone, a 404,
 * not a broken invariant (500 and an incident). A record still listed without its object stays a 500.
 */
class DeletedWhileReadTest {

    @TempDir
    Path dataDir;

    /** Runs once, just before the next read of an object: where a concurrent deletion lands. */
    private final AtomicReference<Runnable> beforeRead = new AtomicReference<>(() -> {});
    private PipeStore store;
    private PipestoreServer server;
    private String readKey;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        StoreConfig config = StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString()));
        store = PipeStore.over(config, new HookedObjects(Backends.openObjectStore(config)), Backends.openCatalog(config, true),
                Backends.openCache(config));
        server = PipestoreServer.start(store, ServerSettings.defaults().withPort(0));
        readKey = store.apiKeys().create(Role.READ, "reader").secret();
    }

    @AfterEach
    void stop() {
        server.stop();
        store.close();
    }

    @Test
    void audioDeletedBetweenRecordAndObjectIs404ForContentHeadAndClip() throws Exception {
        for (String method : new String[] {"GET", "HEAD"}) {
            for (String suffix : new String[] {"/content", "/clip?start=0&end=0.5"}) {
                if (method.equals("HEAD") && suffix.startsWith("/clip")) {
                    continue;
                }
                AudioFile file = ingest();
                beforeRead.set(() -> store.audio().delete(file.id()));

                HttpResponse<String> response = send(method, "/v1/audio/" + file.id() + suffix);

                assertThat(response.statusCode()).as("%s %s", method, suffix).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }
    }

    @Test
    void textDeletedBetweenRecordAndObjectIs404() throws Exception {
        TextDocument document = store.texts().add(new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)),
                TextUpload.named("t.txt"));
        beforeRead.set(() -> store.texts().delete(document.id()));

        assertThat(send("GET", "/v1/texts/" + document.id() + "/content").statusCode()).isEqualTo(404);
    }

    /** A clip reads the WAV header first and the samples second: a deletion may land between the two. */
    @Test
    void audioDeletedBetweenAClipsHeaderAndItsSamplesIs404() throws Exception {
        AudioFile file = ingest();
        beforeRead.set(() -> beforeRead.set(() -> store.audio().delete(file.id())));

        HttpResponse<String> response = send("GET", "/v1/audio/" + file.id() + "/clip?start=0&end=0.5");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length());
    }

    @Test
    void aRecordStillListedWithoutItsObjectIsAnIntegrityFailure() throws Exception {
        AudioFile file = ingest();
        beforeRead.set(() -> beforeRead.set(() -> store.objects().delete(file.objectKey())));

        HttpResponse<String> response = send("GET", "/v1/audio/" + file.id() + "/clip?start=0&end=0.5");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("integrity");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length());
    }

    private AudioFile ingest() {
        return store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named("a.wav"));
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Authorization", "Bearer " + readKey).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The embedded store, with {@link #beforeRead} run before each head and get. */
    private final class HookedObjects extends ForwardingObjectStore {

        HookedObjects(ObjectStore delegate) {
            super(delegate);
        }

        private void hook() {
            beforeRead.getAndSet(() -> {}).run();
        }

        @Override
        public InputStream get(String key, ByteRange range) {
            hook();
            return super.get(key, range);
        }

        @Override
        public Optional<ObjectInfo> head(String key) {
            hook();
            return super.head(key);
        }
    }
}
