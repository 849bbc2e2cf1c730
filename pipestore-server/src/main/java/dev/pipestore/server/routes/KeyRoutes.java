package dev.pipestore.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.access.CreatedApiKey;
import dev.pipestore.catalog.Role;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.access.ApiKeyJson;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** API keys, for admins: create (the secret is in that response only), list, revoke. Hashes are never shown. */
final class KeyRoutes implements Api.Routes {

    private final Api api;

    KeyRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/keys", this::list, Access.ADMIN);
        routes.post("/v1/keys", this::create, Access.ADMIN);
        routes.delete("/v1/keys/{id}", this::revoke, Access.ADMIN);
    }

    private void list(Context ctx) {
        Responses.json(ctx, 200, Responses.items(api.store().apiKeys().list(), ApiKeyJson::of, null));
    }

    private void create(Context ctx) {
        KeyBody body = api.json().read(ctx, KeyBody.class);
        if (body.role() == null) {
            throw new InvalidInputException("role", "is required: one of ingest, worker, read, admin");
        }
        CreatedApiKey created = api.store().apiKeys().create(Role.parse(body.role()), body.name());
        ObjectNode node = ApiKeyJson.of(created.key());
        node.put("secret", created.secret());
        ctx.header("Cache-Control", "no-store");
        Responses.created(ctx, "/v1/keys/" + created.key().id(), node);
    }

    private void revoke(Context ctx) {
        Responses.json(ctx, 200, ApiKeyJson.of(api.store().apiKeys().revoke(Params.uuid(ctx, "id"))));
    }

    /**
     * The body of {@code POST /v1/keys}.
     *
     * @param role ingest, worker, read or admin
     * @param name what the key is for
     */
    record KeyBody(String role, String name) {}
}
