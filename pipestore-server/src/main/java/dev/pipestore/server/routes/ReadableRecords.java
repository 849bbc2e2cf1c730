package dev.pipestore.server.routes;

import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.server.access.Ownership;
import io.javalin.http.Context;
import java.util.UUID;

/** Uploaded records fetched for a caller who may read them: ingest keys see only their own (see {@link Ownership}). */
final class ReadableRecords {

    private ReadableRecords() {}

    static AudioFile audio(Api api, Context ctx, UUID id) {
        AudioFile file = api.store().audio().get(id);
        Ownership.requireReadable(ctx, file.uploadedBy(), "audio file", id);
        return file;
    }

    static TextDocument text(Api api, Context ctx, UUID id) {
        TextDocument document = api.store().texts().get(id);
        Ownership.requireReadable(ctx, document.uploadedBy(), "text document", id);
        return document;
    }
}
