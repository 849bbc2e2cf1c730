package dev.pipestore.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.Metadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link Cache} adapter must do, run against the real backend by each adapter's test class. */
public abstract class CacheContract {

    private final List<Cache> opened = new ArrayList<>();
    protected Cache cache;
    private String namespace;

    /** A new cache over the shared backend; caches opened with the same namespace see the same keys. */
    protected abstract Cache open(String namespace);

    /** How long {@code key} of {@code cache} has left, read from the backend itself; empty when absent. */
    protected abstract Optional<Duration> remainingTtl(Cache cache, String key);

    @BeforeEach
    void openCache(TestInfo test) {
        namespace = test.getTestMethod().orElseThrow().getName() + "-" + test.getDisplayName().hashCode();
        cache = openTracked(namespace);
    }

    @AfterEach
    void closeCaches() {
        opened.forEach(Cache::close);
    }

    protected final Cache openTracked(String name) {
        Cache c = open(name);
        opened.add(c);
        return c;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    protected static JsonNode json(String text) {
        try {
            return Metadata.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":7,\"segments\":[{\"start\":0.0,\"end\":1.25,\"text\":\"hi\"}],\"final\":true,\"note\":null}",
        "[1,\"two\",3.50,[],{}]", "\"a plain string\"", "42", "-0.001", "12345678901234567890123456789",
        "1.0E+400", "true", "null", "\"Grüße, 世界, Привет, مرحبا 🎙️\"", "{\"é\\u0000\":\"\\n\\t\\\"\"}"})
    void returnsWhatWasPutForEveryKindOfJsonValue(String text) {
        assertThat(cache.put("value", json(text))).isTrue();
        assertThat(cache.get("value")).contains(json(text));
    }

    /** A call after close is the caller's mistake, not an outage to ride out: it fails saying so. */
    @Test
    void aClosedCacheRefusesEveryCallSayingItIsClosed() {
        Cache closed = open(namespace + "-closed");
        closed.close();
        byte[] value = utf8("{\"v\":1}");

        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> closed.get("k"), () -> closed.getUtf8("k"), () -> closed.put("k", json("{}"), Duration.ofSeconds(5)),
                () -> closed.putUtf8("k", value, Duration.ofSeconds(5)), () -> closed.putUtf8IfAbsent("k", value,
                Duration.ofSeconds(5)), () -> closed.delete("k"), closed::ping)) {
            assertThatThrownBy(call).isInstanceOf(StoreException.class).hasMessageContaining("is closed; cannot");
        }
    }

    @Test
    void missingKeyIsAMiss() {
        assertThat(cache.get("never-put")).isEmpty();
    }

    @Test
    void putReplacesThePreviousValue() {
        cache.put("k", json("{\"v\":1}"));
        cache.put("k", json("{\"v\":2}"));
        assertThat(cache.get("k")).contains(json("{\"v\":2}"));
    }

    @Test
    void getUtf8GivesTheCompactTextOfWhatPutStored() {
        cache.put("k", json("{ \"price\" : 1.50, \"tags\": [\"a\", \"b\"], \"note\": null }"));

        assertThat(cache.getUtf8("k")).map(CacheContract::text).contains("{\"price\":1.50,\"tags\":[\"a\",\"b\"],\"note\":null}");
        assertThat(cache.getUtf8("never-put")).isEmpty();
    }

    @Test
    void putUtf8StoresTheTextAsGivenForGetUtf8AndGetWithItsTtl() {
        String text = "{\"id\":7,\"price\":1.50,\"when\":\"2024-05-06T10:15:30.123456Z\",\"name\":\"Grüße 🎙️\"}";

        assertThat(cache.putUtf8("k", utf8(text), Duration.ofSeconds(90))).isTrue();

        assertThat(cache.getUtf8("k")).map(CacheContract::text).contains(text);
        assertThat(cache.get("k")).contains(json(text));
        assertThat(remainingTtl(cache, "k")).hasValueSatisfying(ttl ->
                assertThat(ttl).isBetween(Duration.ofSeconds(85), Duration.ofSeconds(90)));
    }

    @Test
    void theBytesGetUtf8ReturnsAreTheCallersToChange() {
        cache.putUtf8("k", utf8("[1,2,3]"), Duration.ofSeconds(60));

        cache.getUtf8("k").orElseThrow()[1] = '9';

        assertThat(cache.getUtf8("k")).map(CacheContract::text).contains("[1,2,3]");
    }

    @Test
    void bytesThatAreNotJsonReadBackAsTheyAreFromGetUtf8AndAsAMissFromGet() {
        cache.putUtf8("k", utf8("not json {"), Duration.ofSeconds(60));
        CacheStats before = cache.stats();

        assertThat(cache.getUtf8("k")).map(CacheContract::text).contains("not json {");
        assertThat(cache.get("k")).isEmpty();

        CacheStats after = cache.stats();
        assertThat(after.hits() - before.hits()).isEqualTo(1);
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.errors() - before.errors()).isEqualTo(1);
    }

    @Test
    void getUtf8CountsHitsAndMissesAsGetDoes() {
        CacheStats before = cache.stats();
        cache.putUtf8("k", utf8("1"), Duration.ofSeconds(60));
        cache.getUtf8("k");
        cache.getUtf8("absent");
        CacheStats after = cache.stats();
        assertThat(after.hits() - before.hits()).isEqualTo(1);
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.errors()).isZero();
    }

    @Test
    void putUtf8RefusesMissingTextBadKeysAndBadTtlsAndStoresNothing() {
        assertRefused("value", () -> cache.putUtf8("k", null, Duration.ofSeconds(60)));
        assertRefused("value", () -> cache.putUtf8("k", new byte[0], Duration.ofSeconds(60)));
        assertRefused("key", () -> cache.putUtf8("", utf8("1"), Duration.ofSeconds(60)));
        assertRefused("key", () -> cache.getUtf8(null));
        assertRefused("ttl", () -> cache.putUtf8("k", utf8("1"), Duration.ofMillis(500)));
        assertThat(cache.getUtf8("k")).isEmpty();
    }

    @Test
    void deleteRemovesTheKeyAndSucceedsForAbsentKeys() {
        cache.put("k", IntNode.valueOf(1));
        assertThat(cache.delete("k")).isTrue();
        assertThat(cache.get("k")).isEmpty();
        assertThat(cache.delete("k")).isTrue();
    }

    @Test
    void putUtf8IfAbsentStoresOnlyWhereNothingIsAndKeepsWhatIs() {
        assertThat(cache.putUtf8IfAbsent("k", utf8("{\"v\":1}"), Duration.ofSeconds(90))).isEqualTo(Cache.Fill.STORED);
        assertThat(cache.putUtf8IfAbsent("k", utf8("{\"v\":2}"), Duration.ofSeconds(30))).isEqualTo(Cache.Fill.PRESENT);

        assertThat(cache.getUtf8("k")).map(CacheContract::text).contains("{\"v\":1}");
        assertThat(remainingTtl(cache, "k")).hasValueSatisfying(ttl ->
                assertThat(ttl).as("the first value's TTL").isBetween(Duration.ofSeconds(85), Duration.ofSeconds(90)));
        cache.delete("k");
        assertThat(cache.putUtf8IfAbsent("k", utf8("{\"v\":3}"), Duration.ofSeconds(30))).isEqualTo(Cache.Fill.STORED);
        assertThat(cache.get("k")).contains(json("{\"v\":3}"));
    }

    @Test
    void putUtf8IfAbsentTakesAnExpiredEntryForNothing() throws InterruptedException {
        cache.putUtf8("k", utf8("\"old\""), Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (cache.getUtf8("k").isPresent() && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }

        assertThat(cache.putUtf8IfAbsent("k", utf8("\"new\""), Duration.ofSeconds(30))).isEqualTo(Cache.Fill.STORED);
        assertThat(cache.get("k")).contains(TextNode.valueOf("new"));
    }

    @Test
    void putUtf8IfAbsentRefusesWhatPutUtf8Refuses() {
        assertThatThrownBy(() -> cache.putUtf8IfAbsent("k", utf8("1"), Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cache.putUtf8IfAbsent("", utf8("1"), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void entryDisappearsOnceItsTtlHasPassed() throws InterruptedException {
        cache.put("short", TextNode.valueOf("soon gone"), Duration.ofSeconds(1));
        cache.put("long", TextNode.valueOf("stays"), Duration.ofSeconds(60));
        assertThat(cache.get("short")).isPresent();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (cache.get("short").isPresent() && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
        }
        assertThat(cache.get("short")).as("expired within 3 s of a 1 s TTL").isEmpty();
        assertThat(cache.get("long")).contains(TextNode.valueOf("stays"));
    }

    @Test
    void defaultTtlIsOneHour() {
        cache.put("k", IntNode.valueOf(1));
        assertThat(remainingTtl(cache, "k")).hasValueSatisfying(ttl ->
                assertThat(ttl).isBetween(Duration.ofSeconds(3590), Cache.DEFAULT_TTL));
    }

    @Test
    void explicitTtlIsWhatTheBackendKeeps() {
        cache.put("k", IntNode.valueOf(1), Duration.ofSeconds(90));
        assertThat(remainingTtl(cache, "k")).hasValueSatisfying(ttl ->
                assertThat(ttl).isBetween(Duration.ofSeconds(85), Duration.ofSeconds(90)));
    }

    @Test
    void cachesWithDifferentPrefixesDoNotSeeEachOthersKeys() {
        Cache first = openTracked(namespace + "-a");
        Cache second = openTracked(namespace + "-b");
        first.put("shared-name", IntNode.valueOf(1));
        assertThat(second.get("shared-name")).isEmpty();
        second.put("shared-name", IntNode.valueOf(2));
        second.delete("shared-name");
        assertThat(first.get("shared-name")).contains(IntNode.valueOf(1));
    }

    @Test
    void refusesEmptyAndOverlongKeysNamingTheKey() {
        String longest = "k".repeat(1024);
        assertThat(cache.put(longest, IntNode.valueOf(1))).isTrue();
        assertThat(cache.get(longest)).contains(IntNode.valueOf(1));
        for (String bad : new String[] {null, "", longest + "k"}) {
            assertRefused("key", () -> cache.get(bad));
            assertRefused("key", () -> cache.put(bad, IntNode.valueOf(1)));
            assertRefused("key", () -> cache.delete(bad));
        }
    }

    @Test
    void refusesTtlsShorterThanOneSecondOrLongerThanAYearAndStoresNothing() {
        for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-5), Duration.ofMillis(999),
                Duration.ofDays(366)}) {
            assertRefused("ttl", () -> cache.put("k", IntNode.valueOf(1), bad));
        }
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void refusesAJavaNullValue() {
        assertRefused("value", () -> cache.put("k", null));
    }

    @Test
    void countsHitsAndMisses() {
        CacheStats before = cache.stats();
        cache.put("k", IntNode.valueOf(1));
        cache.get("k");
        cache.get("absent");
        CacheStats after = cache.stats();
        assertThat(after.hits() - before.hits()).isEqualTo(1);
        assertThat(after.misses() - before.misses()).isEqualTo(1);
        assertThat(after.errors()).isZero();
    }

    @Test
    void pingSucceedsWhileTheBackendIsUp() {
        cache.ping();
    }

    private static void assertRefused(String field, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
