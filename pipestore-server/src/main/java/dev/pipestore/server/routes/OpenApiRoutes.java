package dev.pipestore.server.routes;

import dev.pipestore.server.access.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the OpenAPI 3.1 document of every route, open to all. */
final class OpenApiRoutes implements Api.Routes {

    /** The document, kept beside the code and checked against the registered routes by a test. */
    static final String RESOURCE = "/dev/pipestore/server/openapi.json";

    private final byte[] document = load();

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/openapi.json", this::document, Access.OPEN);
    }

    private void document(Context ctx) {
        ctx.contentType("application/json").result(document);
    }

    static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
