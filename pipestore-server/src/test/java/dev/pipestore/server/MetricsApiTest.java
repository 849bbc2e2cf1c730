package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.redis.RedisPrefix;
import dev.pipestore.testing.s3.S3ProxyExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} on PostgreSQL, S3 (S3Proxy) and Redis: after uploads and cached reads through the API, the
 * object-store, cache, catalog, ingest, utilisation and HTTP series are there and grow, and no secret of the
 * configuration is in the body. The first test counts from a fresh server, so it runs first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsApiTest {

    /** PostgreSQL on loopback trusts the test user, so this password is accepted and never checked. */
    private static final String DB_PASSWORD = "db-Pa55word-never-shown";

    @RegisterExtension
    @Order(1)
    static final S3ProxyExtension S3 = S3ProxyExtension.shared();

    @RegisterExtension
    @Order(2)
    static final RedisPrefix REDIS = RedisPrefix.onSharedRedis();

    @RegisterExtension
    @Order(3)
    static final PostgresDatabaseExtension POSTGRES = new PostgresDatabaseExtension();

    private static final String BUCKET = S3.newBucketName();

    @RegisterExtension
    @Order(4)
    static final ServerHarness SERVER = new ServerHarness(MetricsApiTest::environment, s -> s);

    @AfterAll
    static void dropBucket() {
        S3.deleteBucket(BUCKET);
    }

    @Test
    @Order(1)
    void metricsGrowWithUploadsAndCachedReadsAndNeverShowASecret() {
        byte[] first = TestAudio.wav(1, 8000);
        String audio = SERVER.upload(first, "first.wav");
        String transcription = transcribeAndReadTwice(audio);

        PrometheusText before = scrape();
        assertThat(before.value("pipestore_objectstore_operations_seconds_count",
                Map.of("backend", "s3", "operation", "put", "outcome", "success"))).isEqualTo(1);
        assertThat(before.value("pipestore_objectstore_written_bytes_total", Map.of("backend", "s3", "data_type", "audio")))
                .isEqualTo(first.length);
        assertThat(before.value("pipestore_cache_operations_seconds_count",
                Map.of("backend", "redis", "operation", "get", "outcome", "hit"))).isGreaterThanOrEqualTo(1);
        assertThat(before.value("pipestore_catalog_operations_seconds_count",
                Map.of("backend", "postgresql", "operation", "audio_files.insert", "outcome", "success"))).isEqualTo(1);
        assertThat(before.value("pipestore_ingests_total", Map.of("data_type", "audio", "outcome", "stored", "reason", "none")))
                .isEqualTo(1);
        assertThat(before.value("pipestore_storage_bytes", Map.of("data_type", "audio", "tier", "standard"))).isEqualTo(first.length);
        assertThat(before.value("pipestore_storage_objects", Map.of("data_type", "audio", "tier", "standard"))).isEqualTo(1);
        assertThat(before.value("http_server_requests_seconds_count",
                Map.of("method", "POST", "uri", "/v1/audio", "status", "201", "outcome", "SUCCESS"))).isEqualTo(1);
        assertThat(before.value("http_server_requests_seconds_count",
                Map.of("method", "GET", "uri", "/v1/transcriptions/{id}", "status", "200"))).isEqualTo(2);
        assertThat(before.text()).doesNotContain(audio).doesNotContain(transcription).doesNotContain("first.wav");

        SERVER.upload(TestAudio.wav(2, 8000), "second.wav");
        transcribeAndReadTwice(audio);
        SERVER.post("/v1/audio?name=bad.wav").as(Role.INGEST).body("audio/wav", "not audio".getBytes()).send().problem(422);
        PrometheusText after = scrape();

        Map<String, String> put = Map.of("backend", "s3", "operation", "put", "outcome", "success");
        assertThat(after.value("pipestore_objectstore_operations_seconds_count", put))
                .isGreaterThan(before.value("pipestore_objectstore_operations_seconds_count", put));
        Map<String, String> hit = Map.of("backend", "redis", "operation", "get", "outcome", "hit");
        assertThat(after.value("pipestore_cache_operations_seconds_count", hit))
                .isGreaterThan(before.value("pipestore_cache_operations_seconds_count", hit));
        assertThat(after.value("pipestore_ingests_total", Map.of("data_type", "audio", "outcome", "refused", "reason", "invalid_file")))
                .isEqualTo(1);
        // A request is timed once its response is written, so this scrape sees the one before it.
        assertThat(after.value("http_server_requests_seconds_count", Map.of("method", "GET", "uri", "/metrics", "status", "200")))
                .isGreaterThanOrEqualTo(1);
        // Within the 30 s interval a scrape serves the totals it read before instead of asking the catalog again.
        assertThat(after.value("pipestore_storage_bytes", Map.of("data_type", "audio", "tier", "standard"))).isEqualTo(first.length);
    }

    @Test
    @Order(2)
    void noSecretOfTheConfigurationOrOfAnApiKeyIsInTheBody() {
        SERVER.upload(TestAudio.wav(1, 8000), "secret-check.wav");
        SERVER.get("/v1/audio").as(Role.READ).send().expect(200);

        String body = scrape().text();

        assertThat(body).contains("pipestore_objectstore_operations_seconds_count")
                .doesNotContain(S3.secretKey()).doesNotContain(DB_PASSWORD);
        for (Role role : Role.values()) {
            assertThat(body).doesNotContain(SERVER.key(role));
        }
    }

    private static String transcribeAndReadTwice(String audio) {
        String id = SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER)
                .json("{\"content\": \"metered\", \"language\": \"en\"}").send().expect(201).json().path("id").asText();
        SERVER.get("/v1/transcriptions/" + id).as(Role.READ).send().expect(200);
        SERVER.get("/v1/transcriptions/" + id).as(Role.READ).send().expect(200);
        return id;
    }

    private static PrometheusText scrape() {
        Reply reply = SERVER.get("/metrics").send().expect(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        return new PrometheusText(reply.text());
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("MINIO_ENDPOINT", S3.endpoint().getHost() + ":" + S3.endpoint().getPort());
        env.put("MINIO_ACCESS_KEY", S3.accessKey());
        env.put("MINIO_SECRET_KEY", S3.secretKey());
        env.put("PIPESTORE_BUCKET", BUCKET);
        String jdbc = POSTGRES.jdbcUrl();
        env.put("DATABASE_URL", "postgresql://" + POSTGRES.user() + ":" + DB_PASSWORD + "@" + jdbc.substring(jdbc.indexOf("//") + 2));
        env.put("REDIS_HOST", REDIS.host());
        env.put("REDIS_PORT", Integer.toString(REDIS.port()));
        env.put("PIPESTORE_CACHE_PREFIX", REDIS.value());
        return env;
    }
}
