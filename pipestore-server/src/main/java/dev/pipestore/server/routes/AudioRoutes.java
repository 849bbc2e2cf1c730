package dev.pipestore.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Role;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.access.Caller;
import dev.pipestore.server.access.LeaseHolder;
import dev.pipestore.server.access.Ownership;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import dev.pipestore.server.upload.Upload;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;

/** Audio records: upload, read, list, status and metadata changes, deletion. Content and clips are in {@link AudioContentRoutes}. */
final class AudioRoutes implements Api.Routes {

    static final String RAW_TYPES = "audio/* or application/octet-stream";

    private final Api api;

    AudioRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/audio", this::upload, Access.INGEST);
        routes.get("/v1/audio", this::list, Access.READ, Access.WORKER, Access.INGEST_OWN);
        routes.get("/v1/audio/{id}", this::get, Access.READ, Access.WORKER, Access.INGEST_OWN);
        routes.patch("/v1/audio/{id}", this::patch, Access.WORKER);
        routes.delete("/v1/audio/{id}", this::delete, Access.ADMIN);
    }

    static boolean isAudioType(String mediaType) {
        return mediaType.startsWith("audio/") || mediaType.equals("application/octet-stream");
    }

    private void upload(Context ctx) {
        try (Upload upload = api.uploads().read(ctx, AudioRoutes::isAudioType, RAW_TYPES)) {
            AudioUpload request = new AudioUpload(upload.name(), upload.contentType(), upload.language(), upload.metadata(),
                    ctx.header("Idempotency-Key"), false, Ownership.uploader(ctx));
            AudioFile file = api.store().audio().ingest(upload.content(), request);
            Responses.created(ctx, "/v1/audio/" + file.id(), file);
        }
    }

    /** Ingest keys list their own uploads only; asking for another uploader's finds none. */
    private void list(Context ctx) {
        String status = Params.text(ctx, "status");
        String uploader = Params.text(ctx, "uploaded_by");
        AudioFileQuery query = new AudioFileQuery(status == null ? null : AudioStatus.parse(status), Params.instant(ctx, "since"),
                Params.instant(ctx, "before"), Params.text(ctx, "language"), Ownership.listFilter(ctx, uploader));
        PageRequest page = Params.page(ctx);
        Responses.page(ctx, Ownership.mayList(ctx, uploader) ? api.store().audio().list(query, page) : new Page<>(List.of(), null));
    }

    private void get(Context ctx) {
        Responses.record(ctx, ReadableRecords.audio(api, ctx, Params.uuid(ctx, "id")));
    }

    /**
     * Status and metadata change in one write: a refused transition (409) or lease leaves both as they were. A worker
     * changes a leased file only while its key holds the lease; an admin key changes it whoever holds it (the override),
     * and a status change ends the lease.
     */
    private void patch(Context ctx) {
        UUID id = Params.uuid(ctx, "id");
        AudioPatch patch = api.json().read(ctx, AudioPatch.class);
        if (patch.status() == null && patch.metadata() == null) {
            throw new InvalidInputException("body", "give status, metadata or both");
        }
        AudioStatus status = patch.status() == null ? null : AudioStatus.parse(patch.status());
        boolean admin = Caller.of(ctx).map(c -> c.role() == Role.ADMIN).orElse(false);
        String holder = admin && patch.owner() == null ? null : LeaseHolder.of(ctx, patch.owner());
        AudioFile file = status == null ? api.store().audio().updateMetadata(id, patch.metadata(), holder)
                : api.store().audio().updateStatus(id, status, patch.metadata(), holder);
        Responses.record(ctx, file);
    }

    /** {@code ?cascade=true} deletes the file's transcriptions, translations and results with it (erasure). */
    private void delete(Context ctx) {
        UUID id = Params.uuid(ctx, "id");
        boolean deleted;
        if (Params.flag(ctx, "cascade")) {
            deleted = api.store().audio().deleteWithDependents(id).isPresent();
        } else {
            try {
                deleted = api.store().audio().delete(id);
            } catch (ConflictException e) {
                throw new ConflictException(e.getMessage() + " (?cascade=true)", e);
            }
        }
        if (!deleted) {
            throw new NotFoundException("audio file", id.toString());
        }
        ctx.status(204);
    }

    /**
     * The body of {@code PATCH /v1/audio/{id}}.
     *
     * @param status the status to move to, by the state machine
     * @param metadata the new metadata object, replacing the old one
     * @param owner the label given at the claim, if one was: the lease is held as {@code <key id>/<owner>}
     */
    record AudioPatch(String status, ObjectNode metadata, String owner) {}
}
