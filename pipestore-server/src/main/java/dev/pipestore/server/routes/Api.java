package dev.pipestore.server.routes;

import dev.pipestore.PipeStore;
import dev.pipestore.server.json.JsonBodies;
import dev.pipestore.server.upload.Uploads;
import io.javalin.config.RoutesConfig;

/**
 * What every group of routes works with: the store, the strict JSON reader and the upload reader.
 *
 * @param store the library facade every route calls
 * @param json reads JSON request bodies
 * @param uploads reads audio and text uploads
 */
public record Api(PipeStore store, JsonBodies json, Uploads uploads) {

    /** A group of routes for one resource; each route is registered with the {@link dev.pipestore.server.access.Access} it admits. */
    public interface Routes {
        void register(RoutesConfig routes);
    }
}
