package dev.pipestore.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.results.NewTranscription;
import dev.pipestore.results.TranscriptionItem;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Transcriptions: added to an audio file by workers, one at a time or in batches over many files (all or none), read
 * by id, listed per audio file (all, or latest per model).
 */
final class TranscriptionRoutes implements Api.Routes {

    private final Api api;

    TranscriptionRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/audio/{id}/transcriptions", this::add, Access.WORKER);
        routes.post("/v1/transcriptions", this::addBatch, Access.WORKER);
        routes.get("/v1/audio/{id}/transcriptions", this::list, Access.READ, Access.WORKER);
        routes.get("/v1/transcriptions/{id}", this::get, Access.READ, Access.WORKER);
    }

    private void add(Context ctx) {
        UUID audioId = Params.uuid(ctx, "id");
        Transcription added = api.store().transcriptions().add(audioId, api.json().read(ctx, NewTranscription.class),
                ctx.header("Idempotency-Key"));
        Responses.created(ctx, "/v1/transcriptions/" + added.id(), added);
    }

    private void addBatch(Context ctx) {
        Params.refuseBatchIdempotencyKey(ctx, BATCH);
        BatchItem[] batch = api.json().read(ctx, BatchItem[].class, BATCH);
        List<TranscriptionItem> items = new ArrayList<>(batch.length);
        for (int i = 0; i < batch.length; i++) {
            if (batch[i] == null) {
                throw new InvalidInputException(BATCH + "[" + i + "]", "is null; expected a transcription object");
            }
            items.add(batch[i].toItem());
        }
        List<Transcription> added;
        try {
            added = api.store().transcriptions().addBatch(items);
        } catch (InvalidInputException e) {
            // The library numbers the items as items[i]; the client sent them as the body's array.
            throw e.field().startsWith("items") ? e.renamed(BATCH + e.field().substring("items".length())) : e;
        }
        Responses.list(ctx, 201, added);
    }

    /** All, a page at a time; or the latest per model version, one per model, in one answer. */
    private void list(Context ctx) {
        UUID audioId = Params.uuid(ctx, "id");
        if (!Params.flag(ctx, "latest")) {
            Responses.page(ctx, api.store().transcriptions().listForAudioFile(audioId, Params.page(ctx)));
            return;
        }
        for (String pageParameter : new String[] {"limit", "cursor"}) {
            if (Params.text(ctx, pageParameter) != null) {
                throw new InvalidInputException(pageParameter, "does not apply with latest=true, which answers one"
                        + " transcription per model version in one list");
            }
        }
        Responses.list(ctx, api.store().transcriptions().latestPerModelVersion(audioId));
    }

    private void get(Context ctx) {
        Responses.record(ctx, api.store().transcriptions().get(Params.uuid(ctx, "id")));
    }

    /** How refusals name the body's array: {@code transcriptions[2].language}. */
    private static final String BATCH = "transcriptions";

    /**
     * One element of a batch: a {@link NewTranscription}, the audio file it belongs to, and the key that stores it once.
     * Unknown fields are refused.
     */
    record BatchItem(UUID audioFileId, String content, String language, Double confidence, String modelVersion,
            ObjectNode metadata, String idempotencyKey) {

        TranscriptionItem toItem() {
            return TranscriptionItem.of(audioFileId, new NewTranscription(content, language, confidence, modelVersion, metadata),
                    idempotencyKey);
        }
    }
}
