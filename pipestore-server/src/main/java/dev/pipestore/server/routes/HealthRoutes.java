package dev.pipestore.server.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.health.HealthReport;
import dev.pipestore.health.PortHealth;
import dev.pipestore.json.RecordJson;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.json.Responses;
import dev.pipestore.server.problem.ProblemMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /health}, liveness, open to all and touching no backend; {@code /ready}, every backend pinged: 503 while the
 * object store or the catalog does not answer, 200 "degraded" while only the cache is down (reads are slower, temporary
 * data is unavailable), open to loopback clients (others need an admin key) because it names the backends.
 */
final class HealthRoutes implements Api.Routes {

    private final Api api;

    HealthRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", HealthRoutes::health, Access.OPEN);
        routes.get("/ready", this::ready, Access.LOOPBACK);
    }

    private static void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Responses.json(ctx, 200, RecordJson.MAPPER.createObjectNode().put("status", "ok"));
    }

    private void ready(Context ctx) {
        HealthReport report = api.store().health();
        String status = !report.canServe() ? "unavailable" : report.allUp() ? "ready" : "degraded";
        ObjectNode body = RecordJson.MAPPER.createObjectNode().put("status", status);
        ArrayNode backends = body.putArray("backends");
        for (PortHealth port : report.ports()) {
            backends.addObject()
                    .put("port", port.port())
                    .put("backend", port.backend())
                    .put("embedded", port.embedded())
                    .put("status", port.up() ? "up" : "down")
                    .put("latency_ms", port.latency().toNanos() / 1e6)
                    .put("error", port.error());
        }
        ctx.header("Cache-Control", "no-store");
        if (!report.canServe()) {
            ctx.header("Retry-After", ProblemMapper.RETRY_AFTER_SECONDS);
        }
        Responses.json(ctx, report.canServe() ? 200 : 503, body);
    }
}
