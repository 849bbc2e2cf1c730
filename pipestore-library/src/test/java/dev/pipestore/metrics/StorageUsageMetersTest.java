package dev.pipestore.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.catalog.StorageTier;
import dev.pipestore.catalog.StorageTotal;
import dev.pipestore.catalog.StorageUsage;
import dev.pipestore.objectstore.DataType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The utilisation gauges read the catalog at most once per interval whatever the scrape rate, keep their values when
 * a read fails, and are NaN until the first read succeeds. The usage here is a hand-written port, not a database mock:
 * the query itself is covered by the catalog's contract suite.
 */
class StorageUsageMetersTest {

    private static final int AUDIO_STANDARD = 0;
    private static final int TEXT_ARCHIVE = 3;

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicReference<List<StorageTotal>> totals = new AtomicReference<>(List.of(
            new StorageTotal(DataType.RAW_AUDIO, StorageTier.STANDARD, 2, 300),
            new StorageTotal(DataType.RAW_TEXT, StorageTier.ARCHIVE, 1, 7)));
    private final StorageUsage usage = () -> {
        reads.incrementAndGet();
        if (failure.get() != null) {
            throw failure.get();
        }
        return totals.get();
    };
    private final StorageUsageMeters gauges = new StorageUsageMeters(usage, Duration.ofSeconds(30), now::get);

    @Test
    void manyScrapesWithinTheIntervalReadTheCatalogOnce() {
        for (int i = 0; i < 100; i++) {
            assertThat(gauges.value(AUDIO_STANDARD, 1)).isEqualTo(300);
            assertThat(gauges.value(TEXT_ARCHIVE, 0)).isEqualTo(1);
        }
        totals.set(List.of(new StorageTotal(DataType.RAW_AUDIO, StorageTier.STANDARD, 3, 450)));
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(gauges.value(AUDIO_STANDARD, 1)).isEqualTo(300);
        assertThat(reads).hasValue(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(gauges.value(AUDIO_STANDARD, 1)).isEqualTo(450);
        assertThat(gauges.value(TEXT_ARCHIVE, 1)).isZero();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadKeepsThePreviousValuesAndWaitsAnIntervalBeforeTryingAgain() {
        assertThat(gauges.value(AUDIO_STANDARD, 0)).isEqualTo(2);
        failure.set(new BackendUnavailableException("catalog postgresql 127.0.0.1:5432/x", "connection refused", null));
        now.addAndGet(Duration.ofSeconds(30).toNanos());

        for (int i = 0; i < 10; i++) {
            assertThat(gauges.value(AUDIO_STANDARD, 0)).isEqualTo(2);
        }
        assertThat(reads).hasValue(2);
    }

    @Test
    void gaugesAreNanUntilTheFirstSuccessfulRead() {
        failure.set(new BackendUnavailableException("catalog", "down", null));

        assertThat(gauges.value(AUDIO_STANDARD, 1)).isNaN();
    }
}
