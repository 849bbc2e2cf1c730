package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.CacheInvalidations.Recorded;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CacheInvalidations}: keys stamped by the catalog's clock, read back in order after a position,
 * continued past a full batch, forgotten before a time.
 */
interface CacheInvalidationsContract extends UsesCatalog {

    @Test
    default void keysAreReadBackInOrderAfterAPositionAndForgottenBeforeATime() throws InterruptedException {
        CacheInvalidations log = catalog().cacheInvalidations();
        String p = UUID.randomUUID() + ":"; // the catalog may hold other tests' rows
        Instant before = log.now();
        pause();
        log.record(List.of(p + "transcription:a", p + "transcriptions:b"));
        pause();
        Instant between = log.now();
        pause();
        log.record(List.of(p + "translations:c"));

        List<Recorded> all = mine(p, before);
        assertThat(all).extracting(Recorded::key).containsExactly(p + "transcription:a", p + "transcriptions:b",
                p + "translations:c");
        assertThat(all.get(0).at()).as("stamped by the catalog").isAfter(before).isBefore(between);
        assertThat(all.get(2).at()).isAfter(between);
        assertThat(mine(p, between)).extracting(Recorded::key).containsExactly(p + "translations:c");

        assertThat(log.forgetBefore(between)).isGreaterThanOrEqualTo(2);

        assertThat(mine(p, before)).extracting(Recorded::key).containsExactly(p + "translations:c");
    }

    /** One record call stamps its keys alike: a batch that ends among them continues with the rest, none skipped. */
    @Test
    default void aBatchThatEndsAmongKeysOfOneTimeContinuesWithTheRest() {
        CacheInvalidations log = catalog().cacheInvalidations();
        String p = UUID.randomUUID() + ":";
        Instant before = log.now().minusSeconds(1);
        log.record(List.of(p + "1", p + "2", p + "3"));

        List<Recorded> first = log.recordedAfter(before, -1, CacheInvalidations.MAX_BATCH).stream()
                .filter(r -> r.key().startsWith(p)).limit(2).toList();
        Recorded last = first.getLast();
        List<String> rest = log.recordedAfter(last.at(), last.id(), CacheInvalidations.MAX_BATCH).stream()
                .map(Recorded::key).filter(key -> key.startsWith(p)).toList();

        assertThat(first).extracting(Recorded::key).containsExactly(p + "1", p + "2");
        assertThat(first.get(0).at()).isEqualTo(first.get(1).at());
        assertThat(rest).containsExactly(p + "3");
    }

    @Test
    default void aKeyOfAnyCharactersUpToItsLimitIsKeptAsItIs() {
        String key = UUID.randomUUID() + " with spaces/ü/😀:" + "k".repeat(900);
        Instant before = catalog().cacheInvalidations().now().minusSeconds(1);

        catalog().cacheInvalidations().record(List.of(key));

        assertThat(mine("", before)).extracting(Recorded::key).contains(key);
    }

    private List<Recorded> mine(String prefix, Instant after) {
        return catalog().cacheInvalidations().recordedAfter(after, -1, CacheInvalidations.MAX_BATCH).stream()
                .filter(recorded -> recorded.key().startsWith(prefix)).toList();
    }

    /** Longer than the coarsest clock of a catalog (SQLite's milliseconds), so times taken around it differ. */
    private static void pause() throws InterruptedException {
        Thread.sleep(5);
    }
}
