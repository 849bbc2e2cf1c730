package dev.pipestore.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.pipestore.BackendUnavailableException;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.TestContent;
import dev.pipestore.testing.net.TcpProxy;
import dev.pipestore.testing.s3.S3ProxyExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An S3 server that stops answering (connections open, nothing comes back) is unavailable within the read timeout and
 * the SDK's retries, not a hang, and the store works again once it answers.
 */
// A separate thread, so a call stuck on a silent socket (what this guards against) fails the test, not CI.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class S3OutageTest {

    private static final S3ProxyExtension S3 = S3ProxyExtension.shared();

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    @Test
    void aServerThatStopsAnsweringIsUnavailableWithinSecondsAndTheStoreRecovers() throws Exception {
        String bucket = S3.newBucketName();
        try (TcpProxy proxy = new TcpProxy(S3.endpoint().getPort()).start();
                S3ObjectStore store = S3ObjectStore.open(S3ObjectStoreTest.settings(bucket)
                        .withEndpoint(URI.create("http://127.0.0.1:" + proxy.port())).withReadTimeout(READ_TIMEOUT))) {
            store.put("before", TestContent.seeded(1, 1000), PutOptions.of("audio/wav"));

            proxy.stall();
            try {
                assertUnavailableQuickly(() -> store.head("before"));
                assertUnavailableQuickly(() -> store.put("during", TestContent.seeded(2, 1000), PutOptions.of("audio/wav")));
            } finally {
                proxy.resume();
            }

            assertThat(store.head("before")).isPresent();
            // The server may still receive and complete a request its client gave up on, as after a real network stall:
            // a put that failed may land later, whole (an orphan if it was an ingest, which the sweep removes).
            if (store.head("during").isPresent()) {
                assertThat(TestContent.sha256(store.get("during"))).isEqualTo(TestContent.sha256Seeded(2, 1000));
            }
        } finally {
            S3.deleteBucket(bucket);
        }
    }

    /**
     * A hung server stops taking a large body: the client's write blocks, which no read timeout sees. The attempt is
     * bounded by the body's size instead (before, two minutes per attempt).
     */
    @Test
    void aPutTheServerStopsTakingIsUnavailableWithinItsSizesBound() throws Exception {
        String bucket = S3.newBucketName();
        // One request far larger than the socket buffers on both sides of the proxy hold.
        byte[] large = TestContent.seeded(3, 24 * 1024 * 1024).readAllBytes();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(large));
        try (TcpProxy proxy = new TcpProxy(S3.endpoint().getPort()).start();
                S3ObjectStore store = S3ObjectStore.open(S3ObjectStoreTest.settings(bucket)
                        .withEndpoint(URI.create("http://127.0.0.1:" + proxy.port())).withReadTimeout(READ_TIMEOUT)
                        .withMinUploadBytesPerSecond(8L * 1024 * 1024))) {
            proxy.stall();
            try {
                long start = System.nanoTime();
                Throwable failure = catchThrowable(() -> store.putBytes("large", large, large.length,
                        PutOptions.of("audio/wav"), sha256));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(failure).isInstanceOf(BackendUnavailableException.class);
                // Four attempts of the read timeout plus 3 s for 24 MiB at 8 MiB/s each, and the SDK's back-off.
                assertThat(took).isLessThan(READ_TIMEOUT.plusSeconds(3).multipliedBy(4).plusSeconds(5));
            } finally {
                proxy.resume();
            }
        } finally {
            S3.deleteBucket(bucket);
        }
    }

    /** A ping, what a readiness probe calls, answers within its bound even when every attempt would wait a minute. */
    @Test
    void aPingOfASilentServerAnswersWithinItsBound() throws Exception {
        String bucket = S3.newBucketName();
        try (TcpProxy proxy = new TcpProxy(S3.endpoint().getPort()).start();
                S3ObjectStore store = S3ObjectStore.open(S3ObjectStoreTest.settings(bucket)
                        .withEndpoint(URI.create("http://127.0.0.1:" + proxy.port())).withReadTimeout(Duration.ofSeconds(60)))) {
            proxy.stall();
            try {
                long start = System.nanoTime();
                Throwable failure = catchThrowable(store::ping);

                assertThat(failure).isInstanceOf(BackendUnavailableException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isLessThan(S3ObjectStore.PING_TIMEOUT.plusSeconds(3));
            } finally {
                proxy.resume();
            }
            store.ping();
        } finally {
            S3.deleteBucket(bucket);
        }
    }

    /** An endpoint that answers HTTP but not S3 (a wrong port, a web server) is named as such when the store opens. */
    @Test
    void anEndpointThatIsNotAnS3ServerIsReportedWhenTheStoreOpens() throws Exception {
        HttpServer notS3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notS3.createContext("/", exchange -> {
            exchange.sendResponseHeaders(501, -1);
            exchange.close();
        });
        notS3.start();
        try {
            Throwable failure = catchThrowable(() -> S3ObjectStore.open(S3ObjectStoreTest.settings(S3.newBucketName())
                    .withEndpoint(URI.create("http://127.0.0.1:" + notS3.getAddress().getPort()))).close());

            assertThat(failure).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("501").hasMessageContaining("is the endpoint an S3 server");
        } finally {
            notS3.stop(0);
        }
    }

    /** Up to four attempts of at most the read timeout each, with the SDK's back-off between them. */
    private static void assertUnavailableQuickly(Runnable call) {
        long start = System.nanoTime();
        Throwable failure = catchThrowable(call::run);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure).isInstanceOf(BackendUnavailableException.class);
        assertThat(took).isLessThan(Duration.ofSeconds(15));
    }
}
