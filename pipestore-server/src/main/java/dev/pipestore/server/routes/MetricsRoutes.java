package dev.pipestore.server.routes;

import dev.pipestore.NotFoundException;
import dev.pipestore.server.access.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * {@code GET /metrics}: the store's meters in the Prometheus text format. Guarded like {@code /ready}, open to loopback
 * clients (a Prometheus agent on the host) and otherwise to admin keys, because it names the backends and the load.
 */
final class MetricsRoutes implements Api.Routes {

    /** The Prometheus text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Api api;

    MetricsRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/metrics", this::scrape, Access.LOOPBACK);
    }

    private void scrape(Context ctx) {
        PrometheusMeterRegistry prometheus = prometheus(api.store().meters()).orElseThrow(() -> new NotFoundException(
                "Prometheus registry", "among the store's meters (the embedding program passed a registry of another kind)"));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(CONTENT_TYPE).result(prometheus.scrape());
    }

    /** The registry itself, or the first Prometheus registry in a composite. */
    static Optional<PrometheusMeterRegistry> prometheus(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return Optional.of(prometheus);
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            return composite.getRegistries().stream().map(MetricsRoutes::prometheus).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }
}
