package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.PipeStore;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Role;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.server.problem.ProblemMapper;
import dev.pipestore.testing.audio.TestAudio;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server lets a request in flight finish within the shutdown bound, and no longer than that bound. */
@Timeout(60)
class GracefulShutdownTest {

    @TempDir
    Path dataDir;

    private PipeStore store;
    private String ingestKey;

    @BeforeEach
    void openStore() {
        // No upload memory: every upload is spooled, so its temporary file shows the request reached the server.
        store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString(),
                "PIPESTORE_UPLOAD_MEMORY_BYTES", "0")));
        ingestKey = store.apiKeys().create(Role.INGEST, "shutdown test").secret();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anAddressTheServerCannotListenOnIsNamedWithTheReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PipestoreServer.start(store, ServerSettings.defaults().withPort(taken.getLocalPort())))
                    .isInstanceOf(StoreException.class).hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("in use");
        }
        // TEST-NET-3 (RFC 5737): no host has it, so binding to it fails for another reason than a taken port.
        assertThatThrownBy(() -> PipestoreServer.start(store, ServerSettings.defaults().withPort(0).withBind("203.0.113.7")))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot listen on 203.0.113.7:0")
                .message().doesNotContainIgnoringCase("already in use");
    }

    @Test
    void uploadInFlightFinishesBeforeTheServerStops() throws Exception {
        PipestoreServer server = PipestoreServer.start(store, ServerSettings.defaults().withPort(0)
                .withShutdownTimeout(Duration.ofSeconds(20)));
        SlowBody body = new SlowBody(TestAudio.wav(4, 16000), Duration.ofMillis(1500));
        CompletableFuture<HttpResponse<String>> upload = send(server, body);
        awaitSpooling();

        int port = server.port();
        long start = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        HttpResponse<String> refused = healthWhileStopping(server);
        assertThat(refused.statusCode()).as("a new request while draining").isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains(ProblemMapper.RETRY_AFTER_SECONDS);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        stopping.get(30, TimeUnit.SECONDS);
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(upload.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(stopMillis).as("stop waited for the upload").isGreaterThanOrEqualTo(500).isLessThan(15_000);
        assertThat(store.audio().list(AudioFileQuery.all(), PageRequest.first(10)).items()).hasSize(1);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void requestSlowerThanTheBoundIsCutAndStoresNothing() throws Exception {
        PipestoreServer server = PipestoreServer.start(store, ServerSettings.defaults().withPort(0)
                .withShutdownTimeout(Duration.ofSeconds(1)));
        SlowBody body = new SlowBody(TestAudio.wav(4, 16000), Duration.ofSeconds(20));
        CompletableFuture<HttpResponse<String>> upload = send(server, body);
        awaitSpooling();

        long start = System.nanoTime();
        server.stop();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(stopMillis).as("stop keeps to its bound").isLessThan(6_000);
        assertThat(upload).failsWithin(Duration.ofSeconds(30));
        assertThat(store.audio().list(AudioFileQuery.all(), PageRequest.first(10)).items()).isEmpty();
        awaitNoSpool();
    }

    /**
     * Form directories a killed server left are swept by the next one after a day (they were kept for ever), and a form
     * cut off at stop leaves none once stop returns (the process exits next).
     */
    @Test
    void formsCutOffAtStopOrLeftByAKilledServerLeaveNoDirectory() throws Exception {
        Path forms = Files.createDirectories(dataDir.resolve("tmp").resolve("forms"));
        Path killed = Files.createDirectories(forms.resolve("form-left-by-a-killed-server"));
        Files.write(killed.resolve("part"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        Path recent = Files.createDirectories(forms.resolve("form-of-another-instance"));
        PipestoreServer server = PipestoreServer.start(store, ServerSettings.defaults().withPort(0)
                .withShutdownTimeout(Duration.ofSeconds(1)));
        assertThat(killed).doesNotExist();
        assertThat(recent).as("may belong to a live request of another server").exists();
        Files.delete(recent);

        byte[] form = new Multipart().file("file", "cut.wav", "audio/wav", TestAudio.wav(20, 16000)).bytes();
        String boundary = new String(form, 2, form.length - 2, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("POST /v1/audio HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ingestKey
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + form.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(form, 0, form.length / 2);
            socket.getOutputStream().flush();
            awaitFormDirectory(forms);

            server.stop();

            try (Stream<Path> left = Files.list(forms)) {
                assertThat(left).as("form directories right after stop").isEmpty();
            }
        }
    }

    private static void awaitFormDirectory(Path forms) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> dirs = Files.list(forms)) {
                if (dirs.findAny().isPresent()) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the form never reached the server");
    }

    /** Asks /health on new connections until the answer is no longer 200, for at most a few seconds. */
    private static HttpResponse<String> healthWhileStopping(PipestoreServer server) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(server.baseUri().resolve("/health")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        HttpResponse<String> answer;
        do {
            // A fresh client each time: a kept-alive connection could outlive the answer that counts.
            answer = HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString());
            Thread.sleep(20);
        } while (answer.statusCode() == 200 && System.nanoTime() < deadline);
        return answer;
    }

    /** The request is in the server's hands once the upload's temporary file exists. */
    private void awaitSpooling() throws Exception {
        Path temp = dataDir.resolve("tmp");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(temp)) {
                try (Stream<Path> files = Files.list(temp)) {
                    if (files.anyMatch(f -> f.getFileName().toString().startsWith("upload-"))) {
                        return;
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the upload never reached the server");
    }

    private void awaitNoSpool() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(dataDir.resolve("tmp"))) {
                if (files.noneMatch(f -> f.getFileName().toString().startsWith("upload-"))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the cut upload's temporary file was left behind");
    }

    private CompletableFuture<HttpResponse<String>> send(PipestoreServer server, SlowBody body) {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/v1/audio?name=slow.wav"))
                .header("Authorization", "Bearer " + ingestKey).header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), body.length()))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A body that trickles out over {@code duration}, in 20 slices. */
    private static final class SlowBody extends InputStream {
        private final byte[] bytes;
        private final long pauseMillis;
        private int position;

        SlowBody(byte[] bytes, Duration duration) {
            this.bytes = bytes;
            this.pauseMillis = duration.toMillis() / 20;
        }

        long length() {
            return bytes.length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            if (position > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            int n = Math.min(Math.min(length, bytes.length / 20 + 1), bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
