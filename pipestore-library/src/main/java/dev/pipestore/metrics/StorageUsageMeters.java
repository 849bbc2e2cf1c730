package dev.pipestore.metrics;

import dev.pipestore.catalog.StorageTier;
import dev.pipestore.catalog.StorageTotal;
import dev.pipestore.catalog.StorageUsage;
import dev.pipestore.objectstore.DataType;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage utilisation gauges: objects and bytes of audio and text per storage tier, read from the catalog, which every
 * instance shares, so each instance reports the same totals (aggregate them with {@code max}, not {@code sum}).
 *
 * <p>The totals are read at most once per {@link #DEFAULT_MAX_AGE}, on the scrape that finds them older; a scrape
 * that arrives while another is reading gets the previous values instead of waiting, and a failed read keeps the
 * previous values and is not retried before the interval has passed again, so scrapes never hammer the database.
 * Before the first successful read the gauges are NaN.
 */
public final class StorageUsageMeters {

    static final String BYTES = "pipestore.storage.bytes";
    static final String OBJECTS = "pipestore.storage.objects";
    /** How long totals are served before the catalog is asked again. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(StorageUsageMeters.class);
    private static final DataType[] TYPES = {DataType.RAW_AUDIO, DataType.RAW_TEXT};
    private static final StorageTier[] TIERS = StorageTier.values();

    private final StorageUsage usage;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock reading = new ReentrantLock();
    /** objects and bytes per type and tier; null before the first successful read. */
    private volatile long[][] totals;
    private volatile long lastAttempt;
    private volatile boolean attempted;

    StorageUsageMeters(StorageUsage usage, Duration maxAge, LongSupplier nanoClock) {
        this.usage = usage;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Registers the gauges over {@code usage}, read at most once per {@code maxAge}. */
    public static StorageUsageMeters register(StorageUsage usage, Duration maxAge, StoreMeters meters) {
        StorageUsageMeters gauges = new StorageUsageMeters(usage, maxAge, System::nanoTime);
        for (int t = 0; t < TYPES.length; t++) {
            for (int r = 0; r < TIERS.length; r++) {
                int slot = t * TIERS.length + r;
                Tags tags = Tags.of("data_type", DataTypeTags.of(TYPES[t]), "tier", TIERS[r].wireName());
                meters.gauge(OBJECTS, "Objects the catalog holds, by data type and storage tier", "objects", tags, gauges,
                        g -> g.value(slot, 0));
                meters.gauge(BYTES, "Bytes the catalog holds, by data type and storage tier", "bytes", tags, gauges,
                        g -> g.value(slot, 1));
            }
        }
        return gauges;
    }

    /** Field 0 is objects, 1 bytes, of the type and tier in {@code slot}. */
    double value(int slot, int field) {
        long[][] current = current();
        return current == null ? Double.NaN : current[slot][field];
    }

    private long[][] current() {
        if (stale() && reading.tryLock()) {
            try {
                if (stale()) {
                    read();
                }
            } finally {
                reading.unlock();
            }
        }
        return totals;
    }

    private boolean stale() {
        return !attempted || nanoClock.getAsLong() - lastAttempt >= maxAgeNanos;
    }

    private void read() {
        lastAttempt = nanoClock.getAsLong();
        attempted = true;
        try {
            totals = slots(usage.storageTotals());
        } catch (RuntimeException e) {
            // Catalog errors name the database, never its password.
            LOG.warn("storage utilisation could not be read from the catalog; keeping the previous values: {}", e.getMessage());
        }
    }

    private static long[][] slots(List<StorageTotal> list) {
        long[][] slots = new long[TYPES.length * TIERS.length][2];
        for (StorageTotal total : list) {
            for (int t = 0; t < TYPES.length; t++) {
                if (TYPES[t] == total.dataType()) {
                    long[] slot = slots[t * TIERS.length + total.tier().ordinal()];
                    slot[0] += total.objects();
                    slot[1] += total.bytes();
                }
            }
        }
        return slots;
    }
}
