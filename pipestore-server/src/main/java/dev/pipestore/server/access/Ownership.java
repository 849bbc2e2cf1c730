package dev.pipestore.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.Role;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * "Ingest keys read what they uploaded": an upload's metadata records the uploading key's id under
 * {@value #FIELD}, set by the server whatever the client sent, and kept through metadata updates. An ingest key asking
 * for someone else's record is told it does not exist, so ids cannot be probed.
 */
public final class Ownership {

    /** The metadata field holding the uploading key's id. */
    public static final String FIELD = "uploaded_by";

    private Ownership() {}

    /** {@code metadata} (or an empty object) with {@value #FIELD} set to the caller, when there is one. */
    public static ObjectNode stamp(Context ctx, ObjectNode metadata) {
        ObjectNode stamped = metadata == null ? Metadata.empty() : metadata.deepCopy();
        stamped.remove(FIELD);
        Caller.of(ctx).ifPresent(caller -> stamped.put(FIELD, caller.id()));
        return stamped;
    }

    /** {@code replacement} with the {@value #FIELD} of {@code current}, which a metadata update may not change. */
    public static ObjectNode keep(ObjectNode current, ObjectNode replacement) {
        ObjectNode kept = replacement.deepCopy();
        kept.remove(FIELD);
        JsonNode owner = current.get(FIELD);
        if (owner != null) {
            kept.set(FIELD, owner);
        }
        return kept;
    }

    /** Refuses, as not found, an ingest caller reading a record another key uploaded. */
    public static void requireReadable(Context ctx, ObjectNode metadata, String kind, UUID id) {
        Caller.of(ctx).filter(caller -> caller.role() == Role.INGEST).ifPresent(caller -> {
            JsonNode owner = metadata.get(FIELD);
            if (owner == null || !caller.id().equals(owner.asText())) {
                throw new NotFoundException(kind, id.toString());
            }
        });
    }
}
