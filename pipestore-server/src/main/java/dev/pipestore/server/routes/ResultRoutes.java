package dev.pipestore.server.routes;

import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.AnalysisResult;
import dev.pipestore.catalog.AnalysisResultQuery;
import dev.pipestore.results.NewAnalysisResult;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;

/** Analysis results: added in batches (all or none), read by id, listed per audio file or transcription. */
final class ResultRoutes implements Api.Routes {

    private final Api api;

    ResultRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/results", this::add, Access.WORKER);
        routes.get("/v1/results/{id}", this::get, Access.READ, Access.WORKER);
        routes.get("/v1/audio/{id}/results", this::ofAudio, Access.READ, Access.WORKER);
        routes.get("/v1/transcriptions/{id}/results", this::ofTranscription, Access.READ, Access.WORKER);
    }

    private void add(Context ctx) {
        Params.refuseBatchIdempotencyKey(ctx, "results");
        NewAnalysisResult[] batch = api.json().read(ctx, NewAnalysisResult[].class, "results");
        for (int i = 0; i < batch.length; i++) {
            if (batch[i] == null) {
                throw new InvalidInputException("results[" + i + "]", "is null; expected a result object");
            }
        }
        List<AnalysisResult> added = api.store().results().addBatch(List.of(batch));
        Responses.list(ctx, 201, added);
    }

    private void get(Context ctx) {
        Responses.record(ctx, api.store().results().get(Params.uuid(ctx, "id")));
    }

    /** 404 for an audio file that does not exist, rather than an empty list that hides a wrong id. */
    private void ofAudio(Context ctx) {
        UUID id = Params.uuid(ctx, "id");
        api.store().audio().get(id);
        list(ctx, AnalysisResultQuery.ofAudioFile(id));
    }

    private void ofTranscription(Context ctx) {
        UUID id = Params.uuid(ctx, "id");
        api.store().transcriptions().get(id);
        list(ctx, AnalysisResultQuery.ofTranscription(id));
    }

    private void list(Context ctx, AnalysisResultQuery query) {
        String type = Params.text(ctx, "type");
        Responses.page(ctx, api.store().results().list(type == null ? query : query.withType(type), Params.page(ctx)));
    }
}
