package dev.pipestore.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.Page;
import dev.pipestore.json.RecordJson;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/**
 * Writes JSON responses: records in their {@link RecordJson} form, lists as {@code {"items": [...], "next_cursor":
 * ...}} (the cursor is {@code null} on the last page and for lists that are never paged).
 */
public final class Responses {

    public static final String JSON = "application/json";

    private Responses() {}

    public static void json(Context ctx, int status, JsonNode body) {
        write(ctx, status, body);
    }

    /** One record, 200. */
    public static void record(Context ctx, Object record) {
        write(ctx, 200, record);
    }

    /** A record (or a JSON tree) just made, 201, with its {@code Location}. */
    public static void created(Context ctx, String location, Object body) {
        ctx.header("Location", location);
        write(ctx, 201, body);
    }

    /** A page of records with the cursor of the next one. */
    public static <T> void page(Context ctx, Page<T> page) {
        write(ctx, 200, new Items<>(page.items(), page.nextCursor()));
    }

    /** A complete list: every item, no next page. */
    public static <T> void list(Context ctx, List<T> items) {
        list(ctx, 200, items);
    }

    /** A complete list answered with {@code status}, such as 201 for a batch just stored. */
    public static <T> void list(Context ctx, int status, List<T> items) {
        write(ctx, status, new Items<>(items, null));
    }

    /** {@code {"items": [...], "next_cursor": ...}} with each item drawn by {@code draw}. */
    public static <T> ObjectNode items(List<T> items, Function<T, JsonNode> draw, String nextCursor) {
        ObjectNode root = RecordJson.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("items");
        items.forEach(item -> array.add(draw.apply(item)));
        root.put("next_cursor", nextCursor);
        return root;
    }

    /**
     * Records and trees alike go to bytes in one pass: a record is not turned into a tree first, which every read of a
     * record used to pay for.
     */
    private static void write(Context ctx, int status, Object body) {
        byte[] bytes;
        try {
            bytes = RecordJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not write the response as JSON", e);
        }
        ctx.status(status).contentType(JSON).result(bytes);
    }

    /** The shape of every list: {@code {"items": [...], "next_cursor": ...}}, written by the records' mapper. */
    private record Items<T>(List<T> items, String nextCursor) {}
}
