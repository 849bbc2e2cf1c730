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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        if (requests == null || requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw new InvalidInputException("results", "a batch holds 1 to " + MAX_BATCH + " results, got "
                    + (requests == null ? "none" : requests.size()));
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, UUID> audioOfTranscription = new HashMap<>();
        List<AnalysisResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            NewAnalysisResult request = requests.get(i);
            if (request == null) {
                throw new InvalidInputException("results[" + i + "]", "is null; expected an analysis result");
            }
            try {
                UUID audioFileId = audioFileOf(request, audioOfTranscription);
                results.add(new AnalysisResult(UUID.randomUUID(), audioFileId, request.transcriptionId(),
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
