package dev.pipestore.server.access;

import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.Role;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * "Ingest keys read what they uploaded": each upload records the uploading key's id in the record's {@code uploaded_by}
 * column, set by the server from the key, never from the request. An ingest key lists only its own uploads, and asking
 * for someone else's record is told it does not exist, so ids cannot be probed. Other roles see everything.
 */
public final class Ownership {

    private Ownership() {}

    /** Who the caller's uploads are recorded as: its key's id, or {@code null} without a key. */
    public static String uploader(Context ctx) {
        return Caller.of(ctx).map(Caller::id).orElse(null);
    }

    /** The uploader a list is filtered on: the one asked for ({@code null}: all), but always their own for ingest keys. */
    public static String listFilter(Context ctx, String requested) {
        return ingestCaller(ctx).map(Caller::id).orElse(requested);
    }

    /** Whether the caller may list uploads of {@code requested}: not when an ingest key asks for another uploader's. */
    public static boolean mayList(Context ctx, String requested) {
        return requested == null || ingestCaller(ctx).map(caller -> caller.id().equals(requested)).orElse(true);
    }

    /** Refuses, as not found, an ingest caller reading a record another key (or nobody) uploaded. */
    public static void requireReadable(Context ctx, String uploadedBy, String kind, UUID id) {
        ingestCaller(ctx).ifPresent(caller -> {
            if (!Objects.equals(caller.id(), uploadedBy)) {
                throw new NotFoundException(kind, id.toString());
            }
        });
    }

    private static Optional<Caller> ingestCaller(Context ctx) {
        return Caller.of(ctx).filter(caller -> caller.role() == Role.INGEST);
    }
}
