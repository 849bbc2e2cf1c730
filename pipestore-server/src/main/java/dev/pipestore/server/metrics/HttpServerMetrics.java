package dev.pipestore.server.metrics;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;

/**
 * Times every HTTP request as {@code http.server.requests} with the method, the route template that matched (never
 * the raw path, so ids do not become series), the status and its class. Javalin calls it once the response, streamed
 * bodies included, has been written. Requests Jetty refuses before Javalin sees them (a header too large) are not in it.
 */
public final class HttpServerMetrics implements RequestLogger {

    static final String REQUESTS = "http.server.requests";
    private static final Set<String> METHODS = HandlerType.commonHttp().stream().map(HandlerType::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Object UNMATCHED = new Object();

    private final MeterRegistry registry;
    /** Per route and method, the timer of each status, made on first use. */
    private final Map<RouteKey, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();

    public HttpServerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        String method = ctx.method().name();
        RouteKey key = new RouteKey(METHODS.contains(method) ? method : "OTHER", endpoint == null ? UNMATCHED : endpoint);
        int status = Math.clamp(ctx.statusCode(), 100, 599);
        AtomicReferenceArray<Timer> byStatus = timers.computeIfAbsent(key, k -> new AtomicReferenceArray<>(600));
        Timer timer = byStatus.get(status);
        if (timer == null) {
            timer = make(key, endpoint, status);
            byStatus.set(status, timer);
        }
        timer.record((long) (executionTimeMs * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    private Timer make(RouteKey key, Endpoint endpoint, int status) {
        String uri = endpoint != null ? endpoint.path : status == 404 ? "NOT_FOUND" : "UNMATCHED";
        return Timer.builder(REQUESTS)
                .description("HTTP requests by method, route template, status and outcome")
                .tags("method", key.method(), "uri", uri, "status", Integer.toString(status), "outcome", outcome(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            default -> "SERVER_ERROR";
        };
    }

    /** The endpoint by identity; {@link #UNMATCHED} for requests no route matched. */
    private record RouteKey(String method, Object endpoint) {}
}
