package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.CacheInvalidations.Recorded;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link CacheInvalidations}: keys recorded with their time, read back from a time on, forgotten. */
interface CacheInvalidationsContract extends UsesCatalog {

    @Test
    default void keysAreReadBackFromATimeOnOldestFirstAndForgottenBeforeOne() {
        CacheInvalidations log = catalog().cacheInvalidations();
        String p = UUID.randomUUID() + ":"; // the catalog may hold other tests' rows
        log.record(List.of(p + "transcription:a", p + "transcriptions:b"), at(10));
        log.record(List.of(p + "translations:c"), at(20));
        log.record(List.of(p + "transcription:a"), at(30));
        log.record(List.of(), at(40));

        assertThat(mine(p, at(10))).containsExactly(new Recorded(p + "transcription:a", at(10)),
                new Recorded(p + "transcriptions:b", at(10)), new Recorded(p + "translations:c", at(20)),
                new Recorded(p + "transcription:a", at(30)));
        assertThat(mine(p, at(11))).extracting(Recorded::key).containsExactly(p + "translations:c", p + "transcription:a");
        assertThat(log.recordedSince(at(10), 1)).hasSize(1);
        assertThat(mine(p, at(31))).isEmpty();

        assertThat(log.forgetBefore(at(20))).isGreaterThanOrEqualTo(2);

        assertThat(mine(p, at(0))).extracting(Recorded::key).containsExactly(p + "translations:c", p + "transcription:a");
    }

    @Test
    default void aKeyOfAnyCharactersUpToItsLimitIsKeptAsItIs() {
        String key = UUID.randomUUID() + " with spaces/ü/😀:" + "k".repeat(900);

        catalog().cacheInvalidations().record(List.of(key), at(5));

        assertThat(catalog().cacheInvalidations().recordedSince(at(5), CacheInvalidations.MAX_BATCH))
                .extracting(Recorded::key).contains(key);
    }

    private List<Recorded> mine(String prefix, Instant since) {
        return catalog().cacheInvalidations().recordedSince(since, CacheInvalidations.MAX_BATCH).stream()
                .filter(recorded -> recorded.key().startsWith(prefix)).toList();
    }
}
