package dev.pipestore.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.json.RecordJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Refuses a query parameter the route does not take, as unknown JSON fields are refused: a misspelt filter
 * ({@code ?created_from=} for {@code ?since=}) would otherwise be ignored and the answer look filtered when it is not.
 * A parameter given twice is refused for the same reason: routes read one value.
 * What each route takes is read from the OpenAPI document, which a test keeps equal to the registered routes.
 */
public final class QueryParameterCheck implements Handler {

    /** By method; within one, routes with fewer path parameters first, so {@code /v1/audio/claim} beats {@code {id}}. */
    private final Map<String, List<Route>> routesByMethod;

    public QueryParameterCheck() {
        this.routesByMethod = routes(OpenApiRoutes.load()).stream().collect(Collectors.groupingBy(Route::method));
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.queryString() == null) {
            return;
        }
        String path = ctx.path().length() > 1 && ctx.path().endsWith("/") ? ctx.path().substring(0, ctx.path().length() - 1) : ctx.path();
        String method = ctx.method().name();
        Optional<Route> route = routesByMethod.getOrDefault(method, List.of()).stream()
                .filter(r -> r.path().matcher(path).matches()).findFirst();
        if (route.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            String name = parameter.getKey();
            // An empty segment (?&limit=3) names nothing, so there is nothing to refuse.
            if (!name.isEmpty() && !route.get().query().contains(name)) {
                throw new InvalidInputException(name, "unknown query parameter; " + method + " " + route.get().template() + " takes "
                        + (route.get().query().isEmpty() ? "none" : route.get().query()));
            }
            // Routes read one value; the first would win and the others go unchecked (?status=a&status=b lists a only).
            if (!name.isEmpty() && parameter.getValue().size() > 1) {
                throw new InvalidInputException(name, "given " + parameter.getValue().size() + " times; give it once");
            }
        }
    }

    private record Route(String method, String template, Pattern path, Set<String> query) {}

    private static List<Route> routes(byte[] document) {
        JsonNode doc;
        try {
            doc = RecordJson.MAPPER.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("could not parse " + OpenApiRoutes.RESOURCE, e);
        }
        List<Route> routes = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            Set<String> names = new TreeSet<>();
            operation.getValue().path("parameters").forEach(parameter -> {
                JsonNode resolved = parameter.has("$ref") ? doc.at(parameter.path("$ref").asText().substring(1)) : parameter;
                if (resolved.path("in").asText().equals("query")) {
                    names.add(resolved.path("name").asText());
                }
            });
            routes.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern(path.getKey()), names));
        }));
        routes.sort(Comparator.comparingLong(r -> r.template().chars().filter(c -> c == '{').count()));
        return routes;
    }

    /** {@code /v1/audio/{id}} as {@code /v1/audio/[^/]+}, the rest literal. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
