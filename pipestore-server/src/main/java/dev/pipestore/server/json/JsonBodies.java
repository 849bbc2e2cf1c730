package dev.pipestore.server.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.json.RecordJson;
import dev.pipestore.server.problem.HttpProblem;
import dev.pipestore.server.upload.BoundedBody;
import dev.pipestore.server.upload.Uploads;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies strictly: {@code application/json} only, bounded in size, no unknown fields, no type
 * coercion, no duplicate keys, nothing after the value. Every refusal is an {@link InvalidInputException} naming the
 * field at fault by its JSON path ({@code results[2].confidence}), or {@code body} for the body as a whole.
 */
public final class JsonBodies {

    private static final ObjectMapper STRICT = ((JsonMapper) RecordJson.MAPPER).rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    static {
        // The body's size is bounded by maxBytes (413); Jackson's own cap on one string (20 million characters) would
        // turn a long string within that bound into a puzzling 400, so it is lifted. The factory is this mapper's copy.
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
    }

    private final long maxBytes;

    public JsonBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body as {@code type}. */
    public <T> T read(Context ctx, Class<T> type) {
        return read(ctx, type, "body");
    }

    /** The body as {@code type}; a top-level array's elements are named {@code root[i]} in refusals. */
    public <T> T read(Context ctx, Class<T> type, String root) {
        try (InputStream body = open(ctx)) {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                throw new InvalidInputException("body", "is null; expected a JSON " + (type == JsonNode.class ? "value" : "object"));
            }
            return value;
        } catch (JacksonException e) {
            throw refusal(e, root);
        } catch (IOException e) {
            throw new InvalidInputException("body", "could not be read: " + e.getMessage(), e);
        }
    }

    /** The body as a JSON tree of any shape. */
    public JsonNode readTree(Context ctx) {
        return read(ctx, JsonNode.class);
    }

    private InputStream open(Context ctx) throws IOException {
        String type = ctx.header("Content-Type");
        String media = Uploads.mediaType(type);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw HttpProblem.unsupportedMediaType(type, "application/json");
        }
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw HttpProblem.payloadTooLarge("body", maxBytes);
        }
        if (ctx.req().getContentLengthLong() == 0) {
            throw new InvalidInputException("body", "is empty; expected JSON");
        }
        return new BoundedBody(ctx.req().getInputStream(), maxBytes, "body");
    }

    /** The core's own refusal when a record's constructor threw it; otherwise what Jackson found, at its path. */
    private static RuntimeException refusal(JacksonException e, String root) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid;
            }
        }
        String path = e instanceof JsonMappingException mapping ? path(mapping, root) : "";
        String field = path.isEmpty() ? "body" : path;
        return switch (e) {
            case MismatchedInputException m when m.getOriginalMessage().startsWith("Trailing token") ->
                    new InvalidInputException("body", "not valid JSON: " + Metadata.describe(e), e);
            case UnrecognizedPropertyException u -> new InvalidInputException(field, "unknown field; expected one of "
                    + known(u.getKnownPropertyIds()), e);
            // Jackson's own words name Java types and its settings; the type wanted is what the client can act on.
            case MismatchedInputException m when m.getTargetType() != null -> new InvalidInputException(field,
                    "expected " + describe(m.getTargetType()), e);
            case JsonMappingException m when m.getCause() != null && !(m.getCause() instanceof JacksonException) ->
                    new InvalidInputException(field, String.valueOf(m.getCause().getMessage()), e);
            case JsonMappingException m -> new InvalidInputException(field, Metadata.inClientTerms(m.getOriginalMessage()), e);
            default -> new InvalidInputException("body", "not valid JSON: " + Metadata.describe(e), e);
        };
    }

    /** {@code results[2].confidence} from Jackson's reference chain. */
    private static String path(JsonMappingException e, String root) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append(path.isEmpty() ? root : "").append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "[]" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (JsonNode.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        // Never a Java class name: the client knows the JSON, not our types.
        return "another JSON value";
    }
}
