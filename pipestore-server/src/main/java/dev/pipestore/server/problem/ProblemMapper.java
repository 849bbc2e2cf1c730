package dev.pipestore.server.problem;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.ConflictException;
import dev.pipestore.IntegrityException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.LeaseConflictException;
import dev.pipestore.NotFoundException;
import dev.pipestore.server.upload.ClientGoneException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP statuses and RFC 9457 bodies: the core's exceptions, the edge's
 * {@link HttpProblem}s and Javalin's own (unknown route, wrong method).
 *
 * <p>An {@link InvalidInputException} naming the field {@code file} or {@code content_type} comes from inspecting
 * uploaded content (the audio probe, the UTF-8 check, content that contradicts its declared name or type), and is 422:
 * the request was well-formed but its content is not acceptable audio or text.
 * Every other invalid input is 400. Empty and oversized bodies are refused before the content is inspected (400, 413).
 */
public final class ProblemMapper {

    /** Seconds a client should wait before retrying after a backend outage. */
    public static final String RETRY_AFTER_SECONDS = "5";
    /** The fields the library names when uploaded content itself is refused. */
    static final java.util.Set<String> CONTENT_FIELDS = java.util.Set.of("file", "content_type");

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    /** What {@code failure} means to the client. */
    public Problem toProblem(Throwable failure) {
        return switch (failure) {
            case HttpProblem p -> new Problem(p.status(), p.type(), p.title(), p.getMessage(), p.field(), p.headers());
            case InvalidInputException e when CONTENT_FIELDS.contains(e.field()) ->
                    new Problem(422, "unprocessable-content", "Content not accepted", e.getMessage(), e.field(), Map.of());
            case InvalidInputException e -> new Problem(400, "invalid-input", "Invalid input", e.getMessage(), e.field(), Map.of());
            case NotFoundException e -> new Problem(404, "not-found", "Not found", e.getMessage(), null, Map.of());
            case LeaseConflictException e -> leaseConflict(e);
            case ConflictException e -> new Problem(409, "conflict", "Conflict", e.getMessage(), null, Map.of());
            case BackendUnavailableException e -> unavailable(e);
            case ClientGoneException e -> new Problem(400, "incomplete-body", "Incomplete request body", e.getMessage(), null,
                    Map.of());
            case HttpResponseException e -> fromJavalin(e);
            case IntegrityException e -> internal("integrity-violation", "Integrity violation", e);
            default -> internal("internal-error", "Internal error", failure);
        };
    }

    /** Writes the problem for {@code failure} as the response; a response already under way is cut off instead. */
    public void handle(Exception failure, Context ctx) {
        Problem problem = toProblem(failure);
        if (problem.status() < 500 && !(failure instanceof ClientGoneException)) {
            LOG.debug("{} {} -> {} {}", ctx.method(), ctx.path(), problem.status(), problem.detail());
        }
        write(ctx, problem);
    }

    /** Writes {@code problem} as the response; {@code instance} is the request path, without its query. */
    public static void write(Context ctx, Problem problem) {
        if (ctx.res().isCommitted()) {
            // The status line is gone; a half-sent body must not look complete, so the connection is closed.
            closeQuietly(ctx);
            return;
        }
        ctx.res().resetBuffer();
        UnreadBody.swallow(ctx.req());
        var body = problem.toJson();
        body.put("instance", ctx.path());
        problem.headers().forEach(ctx::header);
        ctx.status(problem.status());
        ctx.contentType(Problem.MEDIA_TYPE);
        ctx.result(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Names the backend, not the driver's reason: that is internal (exception names, addresses resolved); operators
     * find it in the log and in {@code /ready}.
     */
    private static Problem unavailable(BackendUnavailableException e) {
        LOG.debug("backend unavailable: {}", e.getMessage());
        return new Problem(503, "backend-unavailable", "Backend unavailable", e.backend() + " is unavailable; retry after "
                + RETRY_AFTER_SECONDS + " s", null, Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }

    /** A type per reason, so a worker can tell "drop this work" (expired, held by another) from a plain conflict. */
    private static Problem leaseConflict(LeaseConflictException e) {
        return switch (e.reason()) {
            case EXPIRED -> new Problem(409, "lease-expired", "Lease expired", e.getMessage(), null, Map.of());
            case HELD_BY_ANOTHER -> new Problem(409, "lease-held-by-another", "Lease held by another worker", e.getMessage(),
                    null, Map.of());
            case NOT_LEASED -> new Problem(409, "not-leased", "Not leased", e.getMessage(), null, Map.of());
        };
    }

    private static Problem fromJavalin(HttpResponseException e) {
        HttpStatus status = HttpStatus.forStatus(e.getStatus());
        String slug = status.getMessage().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return new Problem(e.getStatus(), slug, status.getMessage(), e.getMessage(), null, allowHeader(e));
    }

    /** RFC 9110 (15.5.6): a 405 names the methods the resource has. Javalin lists them in the exception's details. */
    private static Map<String, String> allowHeader(HttpResponseException e) {
        if (!(e instanceof MethodNotAllowedResponse)) {
            return Map.of();
        }
        return e.getDetails().entrySet().stream().filter(d -> d.getKey().replace(" ", "").equalsIgnoreCase("availableMethods"))
                .findFirst().map(d -> Map.of("Allow", d.getValue().replace(" ", "").replace(",", ", ")))
                .orElse(Map.of());
    }

    /** A failure the client cannot act on: logged in full under an incident id, answered without detail. */
    private static Problem internal(String type, String title, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.error("incident {}: {}", incident, failure.toString(), failure);
        return new Problem(500, type, title, "the server failed; incident " + incident + " is in its log", null, Map.of());
    }

    private static void closeQuietly(Context ctx) {
        try {
            ctx.res().getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            // the client is most likely gone already
        }
    }
}
