package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.redis.RedisPrefix;
import dev.pipestore.testing.s3.S3ProxyExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server on the seed's real backends (PostgreSQL, S3 through S3Proxy, Redis), configured only by the seed's
 * variables: the API key flows end to end, and the data paths that touch each backend.
 */
class RealBackendsServerTest {

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

    /** Last, so the database exists when the store opens. */
    @RegisterExtension
    @Order(4)
    static final ServerHarness SERVER = new ServerHarness(RealBackendsServerTest::environment, s -> s);

    @AfterAll
    static void dropBucket() {
        S3.deleteBucket(BUCKET);
    }

    @Test
    void readyReportsEveryRealBackendUp() {
        JsonNode ready = SERVER.get("/ready").send().expect(200).json();
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("backends")).hasSize(3).allSatisfy(backend -> {
            assertThat(backend.path("status").asText()).isEqualTo("up");
            assertThat(backend.path("embedded").asBoolean()).isFalse();
        });
        assertThat(ready.toString()).doesNotContain(S3.secretKey());
    }

    @Test
    void keysAreCreatedUsedAndRevokedOverTheApi() {
        JsonNode created = SERVER.post("/v1/keys").as(Role.ADMIN).json("{\"role\": \"worker\", \"name\": \"asr-1\"}").send()
                .expect(201).json();
        String secret = created.path("secret").asText();
        assertThat(secret).startsWith("ps_");
        assertThat(created.path("role").asText()).isEqualTo("worker");

        SERVER.get("/v1/audio").bearer(secret).send().expect(200);
        SERVER.post("/v1/audio?name=w.wav").bearer(secret).body("audio/wav", TestAudio.wav(1, 8000)).send().problem(403);
        JsonNode listed = SERVER.get("/v1/keys").as(Role.ADMIN).send().expect(200).json();
        assertThat(listed.toString()).contains("asr-1").doesNotContain(secret).doesNotContain("key_hash");

        SERVER.call("DELETE", "/v1/keys/" + created.path("id").asText()).as(Role.ADMIN).send().expect(200);
        SERVER.get("/v1/audio").bearer(secret).send().problem(401);
        SERVER.get("/v1/keys").bearer(secret).send().problem(401);
    }

    @Test
    void uploadClaimTranscribeAndDownloadThroughEveryBackend() {
        byte[] wav = TestAudio.wav(2, 8000);
        String id = SERVER.upload(wav, "real.wav");
        assertThat(S3.newClient().headObject(b -> b.bucket(BUCKET).key(SERVER.store().audio().get(java.util.UUID.fromString(id))
                .objectKey())).contentLength()).isEqualTo(wav.length);
        JsonNode claimed = SERVER.post("/v1/audio/claim").as(Role.WORKER)
                .json("{\"from_status\": \"uploaded\", \"to_status\": \"processing\", \"limit\": 10, \"lease_seconds\": 30}")
                .send().expect(200).json();
        assertThat(claimed.findValuesAsText("id")).contains(id);
        SERVER.post("/v1/audio/" + id + "/transcriptions").as(Role.WORKER).json("{\"content\": \"real backends\", \"language\": \"en\"}")
                .send().expect(201);
        SERVER.call("PATCH", "/v1/audio/" + id).as(Role.WORKER).json("{\"status\": \"transcribed\"}").send().expect(200);
        assertThat(SERVER.get("/v1/search?q=backends&language=en").as(Role.READ).send().expect(200).json().path("items")).hasSize(1);
        assertThat(SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).header("Range", "bytes=0-3").send().expect(206).text())
                .isEqualTo("RIFF");
        SERVER.call("PUT", "/v1/temp/real?ttl=30").as(Role.WORKER).json("[1, 2]").send().expect(204);
        assertThat(SERVER.get("/v1/temp/real").as(Role.WORKER).send().expect(200).json().size()).isEqualTo(2);
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("MINIO_ENDPOINT", S3.endpoint().getHost() + ":" + S3.endpoint().getPort());
        env.put("MINIO_ACCESS_KEY", S3.accessKey());
        env.put("MINIO_SECRET_KEY", S3.secretKey());
        env.put("PIPESTORE_BUCKET", BUCKET);
        String jdbc = POSTGRES.jdbcUrl();
        env.put("DATABASE_URL", "postgresql://" + POSTGRES.user() + "@" + jdbc.substring(jdbc.indexOf("//") + 2));
        env.put("REDIS_HOST", REDIS.host());
        env.put("REDIS_PORT", Integer.toString(REDIS.port()));
        env.put("PIPESTORE_CACHE_PREFIX", REDIS.value());
        return env;
    }
}
