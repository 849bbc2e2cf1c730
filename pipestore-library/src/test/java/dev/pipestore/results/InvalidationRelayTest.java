package dev.pipestore.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.NotFoundException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.config.StoreConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one catalog and one Redis, except that one of them cannot reach Redis: what it writes must not stay
 * hidden (or, once erased, visible) behind the other's cached reads for the cache's hour.
 */
class InvalidationRelayTest extends OnPostgresAndRedis {

    /** Longer than a relay pass, far shorter than the hour a missed invalidation would leave the cache stale. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private PipeStore cut;

    @BeforeAll
    void openAnInstanceCutOffFromRedis() throws IOException {
        String jdbc = POSTGRES.jdbcUrl();
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        cut = PipeStore.open(StoreConfig.from(Map.of(
                "PIPESTORE_DATA_DIR", dataDir.toString(),
                "DATABASE_URL", "postgresql://" + POSTGRES.user() + "@" + jdbc.substring(jdbc.indexOf("//") + 2),
                "REDIS_HOST", "127.0.0.1",
                "REDIS_PORT", Integer.toString(closed),
                "PIPESTORE_CACHE_PREFIX", REDIS.value())));
    }

    @AfterAll
    void closeIt() {
        cut.close();
    }

    @Test
    void aTranscriptionAddedWhereRedisIsOutOfReachShowsInTheOthersCachedListSoon() throws Exception {
        AudioFile audio = ingest("relay-list.wav");
        assertThat(store.transcriptions().listForAudioFile(audio.id())).as("cached, empty").isEmpty();
        long hits = store.readCacheStats().hits();
        assertThat(store.transcriptions().listForAudioFile(audio.id())).isEmpty();
        assertThat(store.readCacheStats().hits()).as("the list is served from Redis").isEqualTo(hits + 1);

        Transcription added = cut.transcriptions().add(audio.id(), NewTranscription.of("written past the cache", "en"));

        assertThat(eventually(() -> store.transcriptions().listForAudioFile(audio.id()), list -> !list.isEmpty()))
                .containsExactly(added);
    }

    @Test
    void aTranscriptErasedWhereRedisIsOutOfReachIsNotServedByTheOthersCacheForLong() throws Exception {
        AudioFile audio = ingest("relay-erase.wav");
        UUID id = store.transcriptions().add(audio.id(), NewTranscription.of("to be erased", "en")).id();
        Thread.sleep(CachedReads.INVALIDATION_HOLD.toMillis() + 500); // past the add's own marker, so the read fills
        store.transcriptions().get(id);
        long hits = store.readCacheStats().hits();
        store.transcriptions().get(id);
        assertThat(store.readCacheStats().hits()).as("the transcript is served from Redis").isEqualTo(hits + 1);

        cut.audio().deleteWithDependents(audio.id());

        eventually(() -> store.transcriptions().find(id), found -> found.isEmpty());
        assertThatThrownBy(() -> store.transcriptions().get(id)).isInstanceOf(NotFoundException.class);
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still " + value + " after " + WITHIN);
            }
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }
}
