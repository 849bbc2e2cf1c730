package dev.pipestore.server.routes;

import dev.pipestore.catalog.LanguageTags;
import dev.pipestore.catalog.Translation;
import dev.pipestore.results.NewTranslation;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;

/** Translations: added to a transcription by workers, read by id, listed per transcription ({@code ?target=} language). */
final class TranslationRoutes implements Api.Routes {

    private final Api api;

    TranslationRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/transcriptions/{id}/translations", this::add, Access.WORKER);
        routes.get("/v1/transcriptions/{id}/translations", this::list, Access.READ, Access.WORKER);
        routes.get("/v1/translations/{id}", this::get, Access.READ, Access.WORKER);
    }

    private void add(Context ctx) {
        UUID transcriptionId = Params.uuid(ctx, "id");
        Translation added = api.store().translations().add(transcriptionId, api.json().read(ctx, NewTranslation.class),
                ctx.header("Idempotency-Key"));
        Responses.created(ctx, "/v1/translations/" + added.id(), added);
    }

    private void list(Context ctx) {
        UUID transcriptionId = Params.uuid(ctx, "id");
        String target = LanguageTags.normaliseOrNull("target", Params.text(ctx, "target"));
        Responses.page(ctx, api.store().translations().listForTranscription(transcriptionId, target, Params.page(ctx)));
    }

    private void get(Context ctx) {
        Responses.record(ctx, api.store().translations().get(Params.uuid(ctx, "id")));
    }
}
