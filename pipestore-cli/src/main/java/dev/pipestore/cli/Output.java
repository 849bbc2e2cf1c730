package dev.pipestore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.Page;
import dev.pipestore.json.RecordJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * How commands print records: {@code --json} gives the records' JSON form (seed column names, one document per
 * command), text gives {@code field: value} lines for one record and a table row per record for lists.
 */
final class Output {

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** One record: JSON, or one {@code field: value} line per field. */
    void record(Object record) {
        JsonNode tree = RecordJson.toTree(record);
        if (json) {
            out.println(tree);
        } else {
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                out.printf("%-18s %s%n", field.getKey() + ":", field.getValue().isTextual() ? field.getValue().asText() : field.getValue());
            }
        }
        out.flush();
    }

    /** A list as {@code {"items": [...]}} or one row per record. */
    <T> void list(List<T> items, Row<T> row) {
        if (json) {
            ObjectNode root = RecordJson.MAPPER.createObjectNode();
            var array = root.putArray("items");
            items.forEach(item -> array.add(RecordJson.toTree(item)));
            out.println(root);
        } else {
            items.forEach(item -> out.println(row.format(item)));
        }
        out.flush();
    }

    /** A page as {@code {"items": [...], "next_cursor": ...}} or rows plus a hint for the next page. */
    <T> void page(Page<T> page, Row<T> row) {
        if (json) {
            ObjectNode root = RecordJson.MAPPER.createObjectNode();
            var array = root.putArray("items");
            page.items().forEach(item -> array.add(RecordJson.toTree(item)));
            root.put("next_cursor", page.nextCursor());
            out.println(root);
        } else {
            page.items().forEach(item -> out.println(row.format(item)));
            if (page.hasMore()) {
                out.println("(more: --cursor " + page.nextCursor() + ")");
            }
        }
        out.flush();
    }

    /** A text line for one record in a list. */
    interface Row<T> {
        String format(T item);
    }
}
