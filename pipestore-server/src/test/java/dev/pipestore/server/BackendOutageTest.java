package dev.pipestore.server;

import dev.pipestore.testing.net.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backends that are down, for real: PostgreSQL behind a proxy the test cuts or stalls, Redis on a port where nothing
 * listens. An outage is a quick 503 problem with {@code Retry-After}, never a hang (a silent database within
 * {@code DATABASE_QUERY_TIMEOUT}); the cache being down only slows reads; the
 * server recovers by itself; {@code /health} answers throughout.
 */
@Timeout(120)
class BackendOutageTest {

    @RegisterExtension
    @Order(1)
    static final PostgresDatabaseExtension POSTGRES = new PostgresDatabaseExtension();

    private static final TcpProxy PROXY = new TcpProxy(5432);

    /** Last, so the database and the proxy exist when the store opens. */
    @RegisterExtension
    @Order(2)
    static final ServerHarness SERVER = new ServerHarness(BackendOutageTest::environment, s -> s);

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void cacheDownMakesTempDataUnavailableButEverythingElseWorks() {
        Reply ready = SERVER.get("/ready").send().expect(200);
        assertThat(ready.json().path("status").asText()).as("still serving, slower").isEqualTo("degraded");
        JsonNode cache = ready.json().path("backends").get(2);
        assertThat(cache.path("port").asText()).isEqualTo("cache");
        assertThat(cache.path("status").asText()).isEqualTo("down");

        String audio = SERVER.upload(TestAudio.wav(1, 8000), "no-cache.wav");
        String transcription = SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER)
                .json("{\"content\": \"uncached\"}").send().expect(201).json().path("id").asText();
        SERVER.get("/v1/transcriptions/" + transcription).as(Role.READ).send().expect(200);

        Reply put = SERVER.call("PUT", "/v1/temp/k").as(Role.WORKER).json("1").send();
        put.problem(503);
        assertThat(put.header("Retry-After")).isEqualTo("5");
        SERVER.get("/v1/temp/k").as(Role.WORKER).send().problem(503);
        SERVER.call("DELETE", "/v1/temp/k").as(Role.WORKER).send().problem(503);
    }

    @Test
    void catalogOutageIsAQuick503AndTheServerRecovers() throws Exception {
        SERVER.get("/v1/audio").as(Role.READ).send().expect(200);
        PROXY.cut();
        try {
            assertCatalogUnavailableWithin(Duration.ofSeconds(10));
            SERVER.get("/health").send().expect(200);
            SERVER.get("/ready").send().expect(503);
        } finally {
            PROXY.start();
        }
        assertRecoversWithoutARestart();
    }

    @Test
    void catalogThatStopsAnsweringIsA503WithinTheQueryTimeoutAndTheServerRecovers() throws Exception {
        SERVER.get("/v1/audio").as(Role.READ).send().expect(200);
        PROXY.stall();
        try {
            assertCatalogUnavailableWithin(Duration.ofSeconds(8));
            SERVER.get("/health").send().expect(200);
        } finally {
            PROXY.resume();
        }
        assertRecoversWithoutARestart();
    }

    /** A list needs the catalog: it must answer 503 with Retry-After, naming the catalog, within {@code bound}. */
    private static void assertCatalogUnavailableWithin(Duration bound) {
        long start = System.nanoTime();
        Reply down = SERVER.get("/v1/audio").as(Role.READ).send();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        JsonNode problem = down.problem(503);
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(problem.path("detail").asText()).contains("catalog");
        assertThat(took).as("answered, not hung").isLessThan(bound);
    }

    private static void assertRecoversWithoutARestart() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status;
        do {
            Thread.sleep(200);
            status = SERVER.get("/v1/audio").as(Role.READ).send().status();
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).as("recovered without a restart").isEqualTo(200);
    }

    private static Map<String, String> environment() {
        try {
            PROXY.start();
            return Map.of("DATABASE_URL", "postgresql://" + POSTGRES.user() + "@127.0.0.1:" + PROXY.port() + "/" + POSTGRES.databaseName(),
                    "DATABASE_QUERY_TIMEOUT", "2", "REDIS_HOST", "127.0.0.1", "REDIS_PORT", Integer.toString(closedPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port that was free a moment ago and that nothing listens on now. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
