package dev.pipestore.server.routes;

import dev.pipestore.catalog.Transcription;
import dev.pipestore.results.NewTranscription;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;

/** Transcriptions: added to an audio file by workers, read by id, listed per audio file (all, or latest per model). */
final class TranscriptionRoutes implements Api.Routes {

    private final Api api;

    TranscriptionRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/audio/{id}/transcriptions", this::add, Access.WORKER);
        routes.get("/v1/audio/{id}/transcriptions", this::list, Access.READ, Access.WORKER);
        routes.get("/v1/transcriptions/{id}", this::get, Access.READ, Access.WORKER);
    }

    private void add(Context ctx) {
        UUID audioId = Params.uuid(ctx, "id");
        Transcription added = api.store().transcriptions().add(audioId, api.json().read(ctx, NewTranscription.class));
        Responses.created(ctx, "/v1/transcriptions/" + added.id(), added);
    }

    private void list(Context ctx) {
        UUID audioId = Params.uuid(ctx, "id");
        Responses.list(ctx, Params.flag(ctx, "latest")
                ? api.store().transcriptions().latestPerModelVersion(audioId)
                : api.store().transcriptions().listForAudioFile(audioId));
    }

    private void get(Context ctx) {
        Responses.record(ctx, api.store().transcriptions().get(Params.uuid(ctx, "id")));
    }
}
