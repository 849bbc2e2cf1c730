package dev.pipestore.server.problem;

import java.util.Map;
import java.util.Objects;

/**
 * A refusal that only exists at the HTTP edge (too large, wrong media type, no key, unsatisfiable range), thrown by
 * route code and turned into a problem body by {@link ProblemMapper}, like the core's exceptions.
 */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final Map<String, String> headers;

    private HttpProblem(int status, String type, String title, String detail, String field, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    /**
     * 400 for a malformed request whose field shares its name with content the library inspects ({@code file}), which
     * as an {@link dev.pipestore.InvalidInputException} would be a 422: a form with no file part, or two.
     */
    public static HttpProblem malformed(String field, String detail) {
        return new HttpProblem(400, "invalid-input", "Invalid input", detail, field, Map.of());
    }

    /** 413: the body is larger than {@code limit} bytes. */
    public static HttpProblem payloadTooLarge(String field, long limit) {
        return new HttpProblem(413, "payload-too-large", "Content too large", "larger than the limit of " + limit + " bytes",
                field, Map.of());
    }

    /** 415: the request's {@code Content-Type} is not one this route reads. */
    public static HttpProblem unsupportedMediaType(String got, String expected) {
        return new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
                "Content-Type " + (got == null || got.isBlank() ? "is missing" : "'" + got + "' is not accepted") + "; expected "
                        + expected, "Content-Type", Map.of());
    }

    /** 416: {@code Range} asks for nothing this object of {@code size} bytes can give. */
    public static HttpProblem rangeNotSatisfiable(long size, String detail) {
        return new HttpProblem(416, "range-not-satisfiable", "Range not satisfiable", detail, "Range",
                Map.of("Content-Range", "bytes */" + size));
    }

    /** 401: no key, or one that is unknown or revoked; which of these is not said. */
    public static HttpProblem unauthorized(String detail) {
        return new HttpProblem(401, "unauthorized", "Unauthorized", detail, "Authorization",
                Map.of("WWW-Authenticate", "Bearer realm=\"pipestore\""));
    }

    /** 403: a valid key whose role may not use this route. */
    public static HttpProblem forbidden(String detail) {
        return new HttpProblem(403, "forbidden", "Forbidden", detail, null, Map.of());
    }

    /** 405: the route exists, but not for this method. */
    public static HttpProblem methodNotAllowed(String method, String allowed) {
        return new HttpProblem(405, "method-not-allowed", "Method not allowed", method + " is not served here; use " + allowed,
                null, Map.of("Allow", allowed));
    }

    /** 422: well-formed request that asks for something this content cannot give, for example a clip of an MP3. */
    public static HttpProblem unprocessable(String field, String detail) {
        return new HttpProblem(422, "unprocessable-content", "Unprocessable content", detail, field, Map.of());
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type URI. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The request part at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** Headers the response must carry, such as {@code WWW-Authenticate}. */
    public Map<String, String> headers() {
        return headers;
    }
}
