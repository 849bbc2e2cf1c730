package dev.pipestore.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.BackendUnavailableException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.cache.Cache;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Temporary data (the seed's "Temporary Data"): a JSON value under a key, with a time to live, in the cache. Keys live
 * under their own {@value #PREFIX} prefix, apart from the cached reads. A cache that is down answers 503, never a
 * silent miss: a put that was dropped or a get that could not ask must not look like success or absence.
 */
final class TempRoutes implements Api.Routes {

    static final String PREFIX = "temp:";
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    /** The seed's lifetime of temporary files. */
    static final int DEFAULT_TTL_SECONDS = 24 * 3600;
    static final int MAX_TTL_SECONDS = 7 * 24 * 3600;

    private final Api api;

    TempRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.put("/v1/temp/{key}", this::put, Access.WORKER);
        routes.get("/v1/temp/{key}", this::get, Access.WORKER);
        routes.delete("/v1/temp/{key}", this::delete, Access.WORKER);
    }

    private void put(Context ctx) {
        String key = key(ctx);
        int ttl = Params.integer(ctx, "ttl", DEFAULT_TTL_SECONDS, 1, MAX_TTL_SECONDS);
        JsonNode value = api.json().readTree(ctx);
        if (!cache().put(PREFIX + key, value, Duration.ofSeconds(ttl))) {
            throw new BackendUnavailableException("cache " + cache().describe(), "the value was not stored", null);
        }
        ctx.status(204);
    }

    private void get(Context ctx) {
        String key = key(ctx);
        JsonNode value = cache().get(PREFIX + key).orElseGet(() -> {
            cache().ping();
            throw new NotFoundException("temporary value", key);
        });
        Responses.json(ctx, 200, value);
    }

    private void delete(Context ctx) {
        if (!cache().delete(PREFIX + key(ctx))) {
            throw new BackendUnavailableException("cache " + cache().describe(), "the value was not deleted", null);
        }
        ctx.status(204);
    }

    private static String key(Context ctx) {
        String key = ctx.pathParam("key");
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("key", "must be 1 to 200 of A-Z a-z 0-9 . _ : -");
        }
        return key;
    }

    private Cache cache() {
        return api.store().cache();
    }
}
