package dev.pipestore.server.routes;

import dev.pipestore.catalog.SearchQuery;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /v1/search?q=&language=&model=&since=&before=&limit=&cursor=}: full-text search over transcriptions and
 * translations, best first, with HTML-safe snippets, a page at a time down to the best
 * {@value SearchQuery#MAX_DEPTH}.
 */
final class SearchRoutes implements Api.Routes {

    private final Api api;

    SearchRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/search", this::search, Access.READ, Access.WORKER);
    }

    private void search(Context ctx) {
        SearchQuery query = new SearchQuery(Params.text(ctx, "q"), Params.text(ctx, "language"), Params.text(ctx, "model"),
                Params.instant(ctx, "since"), Params.instant(ctx, "before"),
                Params.integer(ctx, "limit", SearchQuery.DEFAULT_LIMIT, 1, SearchQuery.MAX_LIMIT))
                .after(Params.text(ctx, "cursor"));
        Responses.page(ctx, api.store().search().page(query));
    }
}
