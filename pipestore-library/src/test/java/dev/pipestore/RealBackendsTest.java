package dev.pipestore;

import dev.pipestore.testing.audio.TestAudio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.health.PortHealth;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.results.NewTranscription;
import dev.pipestore.testing.redis.RedisPrefix;
import dev.pipestore.testing.s3.S3ProxyExtension;
import dev.pipestore.testing.sql.MariaDbDatabaseExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import dev.pipestore.testing.sql.ServerDatabaseExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole store on the seed's real backends, configured only through the seed's variables. */
class RealBackendsTest {

    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.shared();

    @RegisterExtension
    static final RedisPrefix REDIS = RedisPrefix.onSharedRedis();

    @TempDir
    Path dataDir;

    private String bucket;

    @AfterEach
    void dropBucket() {
        if (bucket != null) {
            S3.deleteBucket(bucket);
        }
    }

    abstract class OnDatabase {

        abstract ServerDatabaseExtension database();

        abstract String scheme();

        @Test
        void ingestTranscribeAndReadBackThroughEveryRealBackend() throws Exception {
            try (PipeStore store = PipeStore.open(StoreConfig.from(environment()))) {
                assertThat(store.health().ports()).allSatisfy(port -> {
                    assertThat(port.up()).as(port.toString()).isTrue();
                    assertThat(port.embedded()).isFalse();
                });
                byte[] wav = TestAudio.wav(4, 16000);
                AudioFile audio = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("real.wav").withIdempotencyKey("r-1"));
                Transcription transcription = store.transcriptions().add(audio.id(), NewTranscription.of("hello", "en").withModel("m"));

                assertThat(store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("real.wav").withIdempotencyKey("r-1")))
                        .isEqualTo(audio);
                assertThat(store.transcriptions().get(transcription.id())).isEqualTo(transcription);
                assertThat(store.transcriptions().get(transcription.id())).isEqualTo(transcription);
                assertThat(store.readCacheStats().hits()).isEqualTo(1);
                try (InputStream content = store.audio().content(audio.id())) {
                    assertThat(content.readAllBytes()).isEqualTo(wav);
                }
                assertThat(S3.newClient().headObject(b -> b.bucket(bucket).key(audio.objectKey())).contentLength())
                        .isEqualTo(wav.length);
                assertThat(store.health().ports()).extracting(PortHealth::port).containsExactly("object_store", "catalog", "cache");
            }
        }

        private Map<String, String> environment() {
            bucket = S3.newBucketName();
            Map<String, String> env = new HashMap<>();
            env.put("PIPESTORE_DATA_DIR", dataDir.toString());
            env.put("MINIO_ENDPOINT", S3.endpoint().getHost() + ":" + S3.endpoint().getPort());
            env.put("MINIO_ACCESS_KEY", S3.accessKey());
            env.put("MINIO_SECRET_KEY", S3.secretKey());
            env.put("PIPESTORE_BUCKET", bucket);
            String jdbc = database().jdbcUrl();
            env.put("DATABASE_URL", scheme() + "://" + database().user() + "@" + jdbc.substring(jdbc.indexOf("//") + 2));
            env.put("REDIS_HOST", REDIS.host());
            env.put("REDIS_PORT", Integer.toString(REDIS.port()));
            env.put("PIPESTORE_CACHE_PREFIX", REDIS.value());
            return env;
        }
    }

    @Nested
    class OnPostgres extends OnDatabase {

        @RegisterExtension
        final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

        @Override
        ServerDatabaseExtension database() {
            return postgres;
        }

        @Override
        String scheme() {
            return "postgresql";
        }
    }

    @Nested
    class OnMariaDb extends OnDatabase {

        @RegisterExtension
        final MariaDbDatabaseExtension mariadb = new MariaDbDatabaseExtension();

        @Override
        ServerDatabaseExtension database() {
            return mariadb;
        }

        @Override
        String scheme() {
            return "mariadb";
        }
    }
}
