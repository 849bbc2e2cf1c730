package dev.pipestore.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.ClaimedAudioFile;
import dev.pipestore.ingest.ClaimRequest;
import dev.pipestore.json.RecordJson;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.access.Caller;
import dev.pipestore.server.json.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code POST /v1/audio/claim}: hands a worker up to {@code limit} audio files no other caller holds, moved to
 * {@code to_status} under a lease of {@code lease_seconds}. Moving a file on with {@code PATCH /v1/audio/{id}} ends the
 * lease; a lease left to expire makes the file claimable again.
 */
final class ClaimRoutes implements Api.Routes {

    static final int DEFAULT_LIMIT = 1;
    static final long DEFAULT_LEASE_SECONDS = 600;

    private final Api api;

    ClaimRoutes(Api api) {
        this.api = api;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/audio/claim", this::claim, Access.WORKER);
    }

    private void claim(Context ctx) {
        ClaimBody body = api.json().read(ctx, ClaimBody.class);
        String owner = body.owner() != null ? body.owner() : Caller.of(ctx).map(Caller::id).orElse("anonymous");
        ClaimRequest request = new ClaimRequest(status("from_status", body.fromStatus()), status("to_status", body.toStatus()),
                body.limit() == null ? DEFAULT_LIMIT : body.limit(),
                body.leaseSeconds() == null ? DEFAULT_LEASE_SECONDS : body.leaseSeconds(), owner);
        List<ClaimedAudioFile> claimed = api.store().audio().claim(request);
        Responses.json(ctx, 200, Responses.items(claimed, ClaimRoutes::draw, null));
    }

    /** The record with its lease beside it. */
    private static ObjectNode draw(ClaimedAudioFile claimed) {
        ObjectNode node = (ObjectNode) RecordJson.toTree(claimed.file());
        node.putObject("lease")
                .put("owner", claimed.lease().owner())
                .put("expires_at", claimed.lease().expiresAt().toString())
                .put("claimed_from", claimed.lease().claimedFrom().wireName());
        return node;
    }

    private static AudioStatus status(String field, String value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        try {
            return AudioStatus.parse(value);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.getMessage().substring(e.field().length() + 2), e);
        }
    }

    /**
     * The body of a claim.
     *
     * @param fromStatus the status to claim from
     * @param toStatus the status claimed files move to
     * @param limit how many files at most; default {@value #DEFAULT_LIMIT}
     * @param leaseSeconds how long the claim holds; default {@value #DEFAULT_LEASE_SECONDS}
     * @param owner who claims, for the lease; default the key's id
     */
    record ClaimBody(String fromStatus, String toStatus, Integer limit, Long leaseSeconds, String owner) {}
}
