package dev.pipestore.server.routes;

import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.catalog.TextDocumentQuery;
import dev.pipestore.ingest.TextService;
import dev.pipestore.ingest.TextUpload;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.access.Ownership;
import dev.pipestore.server.download.Download;
import dev.pipestore.server.download.Download.MissingObjectException;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import dev.pipestore.server.upload.Upload;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;

/** Raw UTF-8 text documents: upload (raw {@code text/plain} or multipart), read, list, download. */
final class TextRoutes implements Api.Routes {

    private final Api api;

    TextRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/texts", this::upload, Access.INGEST);
        routes.get("/v1/texts", this::list, Access.READ, Access.WORKER, Access.INGEST_OWN);
        routes.get("/v1/texts/{id}", this::get, Access.READ, Access.WORKER, Access.INGEST_OWN);
        routes.get("/v1/texts/{id}/content", this::content, Access.READ, Access.WORKER, Access.INGEST_OWN);
        routes.head("/v1/texts/{id}/content", this::content, Access.READ, Access.WORKER, Access.INGEST_OWN);
        routes.delete("/v1/texts/{id}", this::delete, Access.ADMIN);
    }

    private void upload(Context ctx) {
        try (Upload upload = api.uploads().read(ctx, type -> type.equals("text/plain"), "text/plain")) {
            TextUpload request = new TextUpload(upload.name(), upload.language(), upload.metadata(), ctx.header("Idempotency-Key"),
                    Ownership.uploader(ctx));
            TextDocument document = api.store().texts().add(upload.content(), request);
            Responses.created(ctx, "/v1/texts/" + document.id(), document);
        }
    }

    /** Ingest keys list their own uploads only; asking for another uploader's finds none. */
    private void list(Context ctx) {
        String uploader = Params.text(ctx, "uploaded_by");
        TextDocumentQuery query = new TextDocumentQuery(Params.instant(ctx, "since"), Params.instant(ctx, "before"),
                Params.text(ctx, "language"), Ownership.listFilter(ctx, uploader));
        PageRequest page = Params.page(ctx);
        Responses.page(ctx, Ownership.mayList(ctx, uploader) ? api.store().texts().list(query, page) : new Page<>(List.of(), null));
    }

    private void get(Context ctx) {
        Responses.record(ctx, ReadableRecords.text(api, ctx, Params.uuid(ctx, "id")));
    }

    private void content(Context ctx) {
        TextDocument document = ReadableRecords.text(api, ctx, Params.uuid(ctx, "id"));
        String name = document.originalName() != null ? document.originalName() : document.id() + ".txt";
        try {
            new Download(document.objectKey(), document.fileSize(), document.contentSha256(), TextService.CONTENT_TYPE, name)
                    .send(ctx, api.store().objects());
        } catch (MissingObjectException e) {
            // Deleted between reading its record and its object: gone (404). Still listed: the object is lost.
            ReadableRecords.text(api, ctx, document.id());
            throw e;
        }
    }

    private void delete(Context ctx) {
        UUID id = Params.uuid(ctx, "id");
        if (!api.store().texts().delete(id)) {
            throw new NotFoundException("text document", id.toString());
        }
        ctx.status(204);
    }
}
