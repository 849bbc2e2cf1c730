package dev.pipestore.server.routes;

import java.util.List;

/** Every group of routes the server registers, in one list. */
public final class ApiRoutes {

    private ApiRoutes() {}

    public static List<Api.Routes> all(Api api) {
        return List.of(new HealthRoutes(api), new MetricsRoutes(api), new OpenApiRoutes(), new AudioRoutes(api), new ClaimRoutes(api),
                new AudioContentRoutes(api), new TextRoutes(api), new TranscriptionRoutes(api), new TranslationRoutes(api),
                new ResultRoutes(api), new SearchRoutes(api), new TempRoutes(api), new KeyRoutes(api));
    }
}
