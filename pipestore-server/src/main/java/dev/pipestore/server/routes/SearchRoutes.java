package dev.pipestore.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.SearchHit;
import dev.pipestore.catalog.SearchQuery;
import dev.pipestore.json.RecordJson;
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
        Page<SearchHit> page = api.store().search().page(query);
        Responses.json(ctx, 200, Responses.items(page.items(), SearchRoutes::draw, page.nextCursor()));
    }

    private static ObjectNode draw(SearchHit hit) {
        ObjectNode node = RecordJson.MAPPER.createObjectNode();
        node.put("kind", hit.kind().wireName());
        node.put("id", hit.id().toString());
        node.put("audio_file_id", hit.audioFileId().toString());
        node.put("transcription_id", hit.transcriptionId() == null ? null : hit.transcriptionId().toString());
        node.put("language", hit.language());
        node.put("model_version", hit.modelVersion());
        node.put("created_at", hit.createdAt().toString());
        node.put("score", hit.score());
        node.put("snippet", hit.snippet());
        return node;
    }
}
