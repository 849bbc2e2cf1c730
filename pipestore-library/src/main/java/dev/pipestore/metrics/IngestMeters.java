package dev.pipestore.metrics;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.ConflictException;
import dev.pipestore.IntegrityException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.ingest.IngestListener;
import dev.pipestore.objectstore.DataType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts audio and text ingests by how they ended: {@code stored}, {@code deduplicated}, {@code refused} (the input,
 * with the refused field as reason, or a conflict) or {@code failed} (integrity, an unavailable backend, an error).
 */
public final class IngestMeters implements IngestListener {

    static final String INGESTS = "pipestore.ingests";
    private static final String DESCRIPTION = "Audio and text ingests by data type, outcome and reason";
    /** The fields ingest refuses by name; any other becomes plain {@code invalid}, so the tag stays bounded. */
    private static final Set<String> FIELDS = Set.of("file", "name", "content_type", "metadata", "language",
            "idempotency_key", "value");

    private final StoreMeters meters;
    private final Counter storedAudio;
    private final Counter storedText;
    private final Counter dedupedAudio;
    private final Counter dedupedText;
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    public IngestMeters(StoreMeters meters) {
        this.meters = meters;
        this.storedAudio = counter("audio", "stored", "none");
        this.storedText = counter("text", "stored", "none");
        this.dedupedAudio = counter("audio", "deduplicated", "none");
        this.dedupedText = counter("text", "deduplicated", "none");
    }

    @Override
    public void stored(DataType type, long bytes) {
        (type == DataType.RAW_AUDIO ? storedAudio : storedText).increment();
    }

    @Override
    public void deduplicated(DataType type) {
        (type == DataType.RAW_AUDIO ? dedupedAudio : dedupedText).increment();
    }

    @Override
    public void failed(DataType type, RuntimeException failure) {
        String dataType = DataTypeTags.of(type);
        String outcome = refused(failure) ? "refused" : "failed";
        String reason = reason(failure);
        failures.computeIfAbsent(dataType + ' ' + outcome + ' ' + reason, k -> counter(dataType, outcome, reason)).increment();
    }

    private static boolean refused(RuntimeException failure) {
        return failure instanceof InvalidInputException || failure instanceof ConflictException;
    }

    static String reason(RuntimeException failure) {
        return switch (failure) {
            case InvalidInputException e -> FIELDS.contains(e.field()) ? "invalid_" + e.field() : "invalid";
            case ConflictException e -> "conflict";
            case IntegrityException e -> "integrity";
            case BackendUnavailableException e -> "unavailable";
            default -> "error";
        };
    }

    private Counter counter(String dataType, String outcome, String reason) {
        return meters.counter(INGESTS, DESCRIPTION, null, Tags.of("data_type", dataType, "outcome", outcome, "reason", reason));
    }
}
