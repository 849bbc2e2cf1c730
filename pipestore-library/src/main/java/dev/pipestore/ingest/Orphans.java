package dev.pipestore.ingest;

import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.objectstore.DataType;
import dev.pipestore.objectstore.ObjectPage;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.ObjectSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and removes objects that no catalog row refers to: what a failure between the object write and the row
 * commit leaves behind. Only objects older than a grace period count, so an ingest in progress is never touched.
 */
public final class Orphans {

    /** How old an object without a row must be before it counts as an orphan. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    /**
     * The least grace a sweep takes: an ingest stores its object before its row, so a younger object without a row may
     * be an upload still in progress, whose row would then point at nothing.
     */
    public static final Duration MIN_SWEEP_GRACE = Duration.ofMinutes(10);

    private static final int PAGE = 1000;

    private final ObjectStore objects;
    private final Catalog catalog;
    private final Clock clock;

    Orphans(ObjectStore objects, Catalog catalog, Clock clock) {
        this.objects = objects;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Raw audio and text objects older than {@code grace} that no row refers to. */
    public List<ObjectSummary> find(Duration grace) {
        Instant cutoff = clock.instant().minus(grace);
        List<ObjectSummary> orphans = new ArrayList<>();
        for (DataType type : List.of(DataType.RAW_AUDIO, DataType.RAW_TEXT)) {
            String continuation = null;
            do {
                ObjectPage page = objects.list(type.prefix(), continuation, PAGE);
                for (ObjectSummary object : page.objects()) {
                    if (object.lastModified().isBefore(cutoff) && !referenced(type, object.key())) {
                        orphans.add(object);
                    }
                }
                continuation = page.nextContinuation();
            } while (continuation != null);
        }
        return List.copyOf(orphans);
    }

    /**
     * Deletes what {@link #find} reports, checking each key once more just before deleting it; returns the count.
     *
     * @throws InvalidInputException naming {@code grace} when it is under {@link #MIN_SWEEP_GRACE}
     */
    public int sweep(Duration grace) {
        requireSweepGrace("grace", grace);
        int removed = 0;
        for (ObjectSummary orphan : find(grace)) {
            DataType type = orphan.key().startsWith(DataType.RAW_TEXT.prefix()) ? DataType.RAW_TEXT : DataType.RAW_AUDIO;
            if (!referenced(type, orphan.key())) {
                objects.delete(orphan.key());
                removed++;
            }
        }
        return removed;
    }

    /** @throws InvalidInputException naming {@code field} when {@code grace} is too short to sweep with */
    public static void requireSweepGrace(String field, Duration grace) {
        if (grace.compareTo(MIN_SWEEP_GRACE) < 0) {
            throw new InvalidInputException(field, "a sweep needs a grace of at least " + MIN_SWEEP_GRACE.toMinutes()
                    + "m, got " + grace + ": an ingest stores its object before its row, and a younger object without a"
                    + " row may be an upload still in progress");
        }
    }

    private boolean referenced(DataType type, String key) {
        return type == DataType.RAW_TEXT
                ? catalog.textDocuments().findByObjectKey(key).isPresent()
                : catalog.audioFiles().findByObjectKey(key).isPresent();
    }
}
