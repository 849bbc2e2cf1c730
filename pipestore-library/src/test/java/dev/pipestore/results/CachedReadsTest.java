package dev.pipestore.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.cache.CacheStats;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.json.RecordJson;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cached reads on the real Redis: what the cache holds, and entries that do not decode (missed, deleted, reloaded). */
class CachedReadsTest extends OnPostgresAndRedis {

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    /** Redis itself, beside the store: to look at and damage what it cached. */
    private RedisCommands<String, String> redis;
    private AudioFile audio;
    private Transcription transcription;

    @BeforeAll
    void connect() {
        client = RedisClient.create(RedisURI.create(REDIS.host(), REDIS.port()));
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterAll
    void disconnect() {
        connection.close();
        client.shutdown();
    }

    @BeforeEach
    void transcribe() {
        audio = ingest("call.wav");
        transcription = store.transcriptions().add(audio.id(), new NewTranscription("hello there", "en-GB", 0.93, "whisper-v3",
                Metadata.parseObject("metadata", """
                        {"segments": [{"start": 0.0, "end": 2.50, "text": "hello there", "speaker": "A",
                          "words": [{"start": 0.0, "end": 1.0, "word": "hello", "confidence": 0.97}]}],
                         "source": {"price": 1.50, "tags": ["x"]}}""")));
    }

    @Test
    void aTranscriptionIsCachedAsItsRecordJsonAndReadBackEqualFromIt() throws Exception {
        CacheStats before = store.readCacheStats();

        Transcription loaded = store.transcriptions().get(transcription.id());
        Transcription cached = store.transcriptions().get(transcription.id());

        assertThat(tree(redis.get(key(transcription.id())))).isEqualTo(tree(RecordJson.toJson(transcription)));
        assertThat(loaded).isEqualTo(transcription);
        assertThat(cached).isEqualTo(transcription);
        assertThat(store.readCacheStats().misses() - before.misses()).isEqualTo(1);
        assertThat(store.readCacheStats().hits() - before.hits()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json {",
        "{\"id\": \"%s\", \"text\": \"an older shape\"}",
        "{\"id\": \"%s\", \"audio_file_id\": \"%s\", \"content\": \"x\", \"created_at\": \"yesterday\"}",
        "[1, 2, 3]",
        "null"})
    void anEntryThatDoesNotDecodeIsAMissAndIsReplacedFromTheCatalog(String damaged) throws Exception {
        store.transcriptions().get(transcription.id());
        redis.set(key(transcription.id()), damaged.formatted(transcription.id(), audio.id()));
        CacheStats before = store.readCacheStats();

        assertThat(store.transcriptions().get(transcription.id())).isEqualTo(transcription);

        assertThat(store.readCacheStats().misses() - before.misses()).isEqualTo(1);
        assertThat(tree(redis.get(key(transcription.id())))).isEqualTo(tree(RecordJson.toJson(transcription)));
        assertThat(store.transcriptions().get(transcription.id())).isEqualTo(transcription);
        assertThat(store.readCacheStats().hits() - before.hits()).isEqualTo(1);
    }

    @Test
    void aDamagedEntryOfATranscriptionTheCatalogDoesNotHoldIsDeleted() {
        UUID gone = UUID.randomUUID();
        redis.set(key(gone), "{\"id\": \"" + gone + "\", \"content\": ");

        assertThat(store.transcriptions().find(gone)).isEmpty();

        assertThat(redis.exists(key(gone))).isZero();
    }

    @Test
    void aDamagedCachedListIsAMissAndIsReplacedFromTheCatalog() {
        String listKey = REDIS.value() + CacheKeys.transcriptionsOf(audio.id());
        store.transcriptions().listForAudioFile(audio.id());
        redis.set(listKey, "{\"items\": []}");

        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(transcription);
        assertThat(redis.get(listKey)).startsWith("[{");
    }

    /**
     * The race cache-aside loses without invalidation markers: a read loads the list, a write commits and invalidates,
     * then the read fills the cache with the list it loaded, which lacks the write's transcription, for an hour.
     */
    @Test
    void aReadThatLoadedBeforeAWriteCannotFillTheCacheWithWhatItLoadedAfterTheWrite() {
        String listKey = REDIS.value() + CacheKeys.transcriptionsOf(audio.id());
        redis.del(listKey); // as if the setup's write were more than the hold ago
        CachedReads reads = new CachedReads(store.cache(), Duration.ofHours(1));
        List<Transcription> written = new ArrayList<>();

        List<Transcription> answered = reads.read(CacheKeys.transcriptionsOf(audio.id()),
                RecordJson.MAPPER.readerFor(new TypeReference<List<Transcription>>() {}), () -> {
                    List<Transcription> loaded = store.catalog().transcriptions().listForAudioFile(audio.id());
                    // Between this read's load and its fill, a writer commits and invalidates the list.
                    written.add(store.transcriptions().add(audio.id(), NewTranscription.of("second take", "en")));
                    return Optional.of(loaded);
                }).orElseThrow();

        assertThat(answered).as("the read answers what it loaded").containsExactly(transcription);
        assertThat(redis.get(listKey)).as("but leaves the write's marker in place").isEqualTo(
                new String(CachedReads.INVALIDATED, StandardCharsets.UTF_8));
        assertThat(redis.pttl(listKey)).isBetween(1L, CachedReads.INVALIDATION_HOLD.toMillis());
        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(written.get(0), transcription);
        assertThat(reads.read(CacheKeys.transcriptionsOf(audio.id()),
                RecordJson.MAPPER.readerFor(new TypeReference<List<Transcription>>() {}), Optional::empty)).isEmpty();
    }

    @Test
    void aWriteWhoseInvalidationRedisCouldNotTakeIsNotHiddenByTheStaleList() throws Exception {
        String listKey = REDIS.value() + CacheKeys.transcriptionsOf(audio.id());
        redis.del(listKey); // as if the setup's write were more than the hold ago
        assertThat(store.transcriptions().listForAudioFile(audio.id())).containsExactly(transcription);
        assertThat(redis.get(listKey)).as("the list is cached").startsWith("[{");

        // Redis stalls longer than the store's command timeout: a read times out, and the store skips Redis for a
        // second, the delete of the write made meanwhile included. Then Redis recovers.
        redis.dispatch(io.lettuce.core.protocol.CommandType.CLIENT, new io.lettuce.core.output.StatusOutput<>(StringCodec.UTF8),
                new io.lettuce.core.protocol.CommandArgs<>(StringCodec.UTF8).add("PAUSE").add(600).add("ALL"));
        assertThat(store.transcriptions().get(transcription.id())).isEqualTo(transcription);
        Transcription second = store.transcriptions().add(audio.id(), NewTranscription.of("second take", "en"));
        Thread.sleep(1500);

        assertThat(store.transcriptions().listForAudioFile(audio.id())).contains(transcription, second);
        assertThat(store.transcriptions().listForAudioFile(audio.id())).as("and once the delete went through, cached again")
                .contains(transcription, second);
    }

    /**
     * An instance that only writes (no read comes to retry its failed invalidation) still marks the key once Redis is
     * back, so other instances stop serving the stale list within seconds, not at the end of its hour.
     */
    @Test
    void aFailedInvalidationIsRetriedInTheBackgroundWithoutAnyRead() throws Exception {
        String listKey = REDIS.value() + CacheKeys.transcriptionsOf(audio.id());
        redis.del(listKey);
        store.transcriptions().listForAudioFile(audio.id());
        assertThat(redis.get(listKey)).as("the list is cached").startsWith("[{");

        redis.dispatch(io.lettuce.core.protocol.CommandType.CLIENT, new io.lettuce.core.output.StatusOutput<>(StringCodec.UTF8),
                new io.lettuce.core.protocol.CommandArgs<>(StringCodec.UTF8).add("PAUSE").add(600).add("ALL"));
        assertThat(store.transcriptions().get(transcription.id())).isEqualTo(transcription);
        store.transcriptions().add(audio.id(), NewTranscription.of("second take", "en"));

        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (redis.get(listKey) != null && redis.get(listKey).startsWith("[{") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(redis.get(listKey)).as("marked by the background retry, with no read in between")
                .isEqualTo(new String(CachedReads.INVALIDATED, StandardCharsets.UTF_8));
    }

    /** Key order aside (JSONB keeps its own): the same JSON. */
    private static JsonNode tree(String json) throws JsonProcessingException {
        return RecordJson.MAPPER.readTree(json);
    }

    private static String key(UUID transcriptionId) {
        return REDIS.value() + CacheKeys.transcription(transcriptionId);
    }
}
