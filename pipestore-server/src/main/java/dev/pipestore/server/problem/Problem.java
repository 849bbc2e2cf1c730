package dev.pipestore.server.problem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.json.RecordJson;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem: what the client reads when a request is refused or fails.
 *
 * @param status the HTTP status
 * @param type the last part of the type URI, {@code urn:pipestore:problem:<type>}
 * @param title a short, fixed summary of the type
 * @param detail what was wrong with this request, naming the value at fault; never a stack trace or a secret
 * @param field the request part at fault (JSON field, query parameter, header), or {@code null}
 * @param headers headers to send with it, such as {@code Retry-After}
 */
public record Problem(int status, String type, String title, String detail, String field, Map<String, String> headers) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:pipestore:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        headers = Map.copyOf(headers);
    }

    /** The body, in the order RFC 9457 lists its members. */
    public ObjectNode toJson() {
        ObjectNode body = RecordJson.MAPPER.createObjectNode();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }
}
