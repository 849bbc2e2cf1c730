package dev.pipestore.results;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.AnalysisResult;
import dev.pipestore.catalog.AnalysisResultQuery;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.IdempotencyKey;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Analysis results (the seed's processing results), written in batches. */
public final class ResultService {

    /** Most results accepted in one batch. */
    public static final int MAX_BATCH = 10_000;

    /** How refusals name the batch, as the catalog does: {@code results[2].confidence}. */
    private static final String BATCH = "results";

    private final Catalog catalog;
    private final Clock clock;

    ResultService(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Stores every result in one transaction: all or none.
     *
     * <p>A result with an idempotency key is stored once per key (keys are unique per audio file), so a worker may send
     * a batch again after a timeout that could have hidden its commit: a result whose key holds one already is answered
     * by the stored result when it asks for the same (transcription, analysis type, result, confidence and model
     * version), and is a conflict otherwise; the other results are stored.
     *
     * @return the results answering the requests, in their order: stored now, or earlier under their key
     * @throws InvalidInputException naming the position of the first bad result, for example
     *     {@code results[2].idempotency_key} (also when two results of one audio file share a key)
     * @throws dev.pipestore.NotFoundException when a referenced audio file or transcription does not exist
     * @throws ConflictException when a result's key holds another result of its audio file
     */
    public List<AnalysisResult> addBatch(List<NewAnalysisResult> requests) {
        if (requests == null || requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new InvalidInputException(BATCH, "a batch holds 1 to " + MAX_BATCH + " results, got "
                    + (requests == null ? "none" : requests.size()));
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, UUID> audioOfTranscription = new HashMap<>();
        List<AnalysisResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            NewAnalysisResult request = requests.get(i);
            if (request == null) {
                throw new InvalidInputException(BATCH + "[" + i + "]", "is null; expected an analysis result");
            }
            try {
                UUID audioFileId = audioFileOf(request, audioOfTranscription);
                results.add(new AnalysisResult(UUID.randomUUID(), audioFileId, request.transcriptionId(),
                        ResultChecks.label("analysis_type", request.analysisType()), request.result(), request.confidence(),
                        ResultChecks.label("model_version", request.modelVersion()), now));
            } catch (InvalidInputException e) {
                throw e.inItem(BATCH, i);
            } catch (NullPointerException e) {
                throw new InvalidInputException(BATCH + "[" + i + "]", "missing " + e.getMessage(), e);
            }
        }
        List<IdempotencyKey> keys = IdempotentWrites.checkedKeys(requests.stream().map(NewAnalysisResult::idempotencyKey).toList(),
                i -> results.get(i).audioFileId(), BATCH);
        return List.copyOf(IdempotentWrites.onceEach(results, keys,
                IdempotentWrites.insertingAt(results, keys, catalog.analysisResults()::insertBatch, BATCH, BATCH),
                catalog.analysisResults()::findByIdempotencyKeys, ResultService::sameRequest));
    }

    /** A retry asks for the same result when all it sent is equal, numbers in its result compared by value. */
    private static AnalysisResult sameRequest(AnalysisResult earlier, AnalysisResult retry, String key) {
        if (!Objects.equals(earlier.transcriptionId(), retry.transcriptionId())
                || !earlier.analysisType().equals(retry.analysisType())
                || !JsonValues.sameValue(earlier.result(), retry.result())
                || !Objects.equals(earlier.confidence(), retry.confidence())
                || !Objects.equals(earlier.modelVersion(), retry.modelVersion())) {
            throw new ConflictException("idempotency key '" + key + "' was already used for analysis result " + earlier.id()
                    + " of audio file " + earlier.audioFileId() + ", with a different result");
        }
        return earlier;
    }

    /**
     * The audio file a result belongs to: a result on a transcription is also a result on that transcription's audio,
     * so it is listed with the audio's results; an audio file given beside a transcription must be that one.
     */
    private UUID audioFileOf(NewAnalysisResult request, Map<UUID, UUID> audioOfTranscription) {
        if (request.transcriptionId() == null) {
            return request.audioFileId();
        }
        UUID audio = audioOfTranscription.computeIfAbsent(request.transcriptionId(),
                id -> catalog.transcriptions().get(id).audioFileId());
        if (request.audioFileId() != null && !request.audioFileId().equals(audio)) {
            throw new InvalidInputException("audio_file_id", "is " + request.audioFileId() + " but transcription "
                    + request.transcriptionId() + " is of audio file " + audio + "; give that one, or leave it out");
        }
        return audio;
    }

    /** The result, or empty when there is none. */
    public Optional<AnalysisResult> find(UUID id) {
        return catalog.analysisResults().find(id);
    }

    /** @throws dev.pipestore.NotFoundException when there is no such result */
    public AnalysisResult get(UUID id) {
        return catalog.analysisResults().get(id);
    }

    /** Newest first, one page at a time. */
    public Page<AnalysisResult> list(AnalysisResultQuery query, PageRequest page) {
        return catalog.analysisResults().list(query, page);
    }
}
