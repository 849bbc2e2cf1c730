package dev.pipestore.results;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.redis.RedisPrefix;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose {@link #store} runs on a PostgreSQL database and a Redis key prefix of its own, opened once for
 * the class, with objects under a temporary directory; all three are gone after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnPostgresAndRedis {

    @RegisterExtension
    static final PostgresDatabaseExtension POSTGRES = new PostgresDatabaseExtension();

    @RegisterExtension
    static final RedisPrefix REDIS = RedisPrefix.onSharedRedis();

    @TempDir
    static Path dataDir;

    PipeStore store;

    @BeforeAll
    void openStore() {
        store = RealStores.onPostgresAndRedis(dataDir, POSTGRES, REDIS);
    }

    @AfterAll
    void closeStore() {
        store.close();
    }

    /** A ten-second WAV file, ingested as {@code name}. */
    AudioFile ingest(String name) {
        return store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(10, 8000)), AudioUpload.named(name));
    }
}
