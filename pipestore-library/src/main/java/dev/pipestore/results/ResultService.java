package dev.pipestore.results;

import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.AnalysisResult;
import dev.pipestore.catalog.AnalysisResultQuery;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Analysis results (the seed's processing results), written in batches. */
public final class ResultService {

    /** Most results accepted in one batch. */
    public static final int MAX_BATCH = 10_000;

    private final Catalog catalog;
    private final Clock clock;

    ResultService(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Stores every result in one transaction: all or none.
     *
     * @throws InvalidInputException naming the position of the first bad result
     * @throws dev.pipestore.NotFoundException when a referenced audio file or transcription does not exist
     */
    public List<AnalysisResult> addBatch(List<NewAnalysisResult> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new InvalidInputException("results", "a batch holds 1 to " + MAX_BATCH + " results, got " + requests.size());
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AnalysisResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            NewAnalysisResult request = requests.get(i);
            try {
                results.add(new AnalysisResult(UUID.randomUUID(), request.audioFileId(), request.transcriptionId(),
                        request.analysisType(), request.result(), request.confidence(), request.modelVersion(), now));
            } catch (InvalidInputException e) {
                throw e.inItem("results", i);
            } catch (NullPointerException e) {
                throw new InvalidInputException("results[" + i + "]", "missing " + e.getMessage(), e);
            }
        }
        catalog.analysisResults().insertBatch(results);
        return List.copyOf(results);
    }

    public Optional<AnalysisResult> find(UUID id) {
        return catalog.analysisResults().find(id);
    }

    public AnalysisResult get(UUID id) {
        return catalog.analysisResults().get(id);
    }

    public Page<AnalysisResult> list(AnalysisResultQuery query, PageRequest page) {
        return catalog.analysisResults().list(query, page);
    }
}
