package dev.pipestore.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.ClaimedAudioFile;
import dev.pipestore.catalog.Role;
import dev.pipestore.ingest.ClaimRequest;
import dev.pipestore.json.RecordJson;
import dev.pipestore.server.access.Access;
import dev.pipestore.server.access.Caller;
import dev.pipestore.server.access.LeaseHolder;
import dev.pipestore.server.json.Params;
import dev.pipestore.server.json.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /v1/audio/claim}: hands a worker up to {@code limit} audio files no other caller holds, moved to
 * {@code to_status} under a lease of {@code lease_seconds}, held by the worker's key (see {@link LeaseHolder}). Moving
 * a file on with {@code PATCH /v1/audio/{id}} ends the lease, {@code POST /v1/audio/{id}/lease} renews it,
 * {@code DELETE /v1/audio/{id}/lease} gives the file back; a lease left to expire makes the file claimable again.
 * Admin keys may give back any file (the override); renewing is for the holder only.
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
        routes.post("/v1/audio/{id}/lease", this::renew, Access.WORKER);
        routes.delete("/v1/audio/{id}/lease", this::release, Access.WORKER);
    }

    private void claim(Context ctx) {
        ClaimBody body = api.json().read(ctx, ClaimBody.class);
        String owner = LeaseHolder.of(ctx, body.owner());
        ClaimRequest request = new ClaimRequest(status("from_status", body.fromStatus()), status("to_status", body.toStatus()),
                body.limit() == null ? DEFAULT_LIMIT : body.limit(),
                body.leaseSeconds() == null ? DEFAULT_LEASE_SECONDS : body.leaseSeconds(), owner);
        List<ClaimedAudioFile> claimed = api.store().audio().claim(request);
        Responses.json(ctx, 200, Responses.items(claimed, ClaimRoutes::draw, null));
    }

    private void renew(Context ctx) {
        UUID id = Params.uuid(ctx, "id");
        RenewBody body = api.json().read(ctx, RenewBody.class);
        long seconds = body.leaseSeconds() == null ? DEFAULT_LEASE_SECONDS : body.leaseSeconds();
        Responses.json(ctx, 200, draw(api.store().audio().renewLease(id, LeaseHolder.of(ctx, body.owner()), seconds)));
    }

    private void release(Context ctx) {
        UUID id = Params.uuid(ctx, "id");
        boolean admin = Caller.of(ctx).map(c -> c.role() == Role.ADMIN).orElse(false);
        String label = Params.text(ctx, "owner");
        String holder = admin && label == null ? null : LeaseHolder.of(ctx, label);
        Responses.record(ctx, api.store().audio().releaseLease(id, holder));
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
            throw e.renamed(field);
        }
    }

    /**
     * The body of a claim.
     *
     * @param fromStatus the status to claim from
     * @param toStatus the status claimed files move to
     * @param limit how many files at most; default {@value #DEFAULT_LIMIT}
     * @param leaseSeconds how long the claim holds; default {@value #DEFAULT_LEASE_SECONDS}
     * @param owner a label for the worker process, held as {@code <key id>/<owner>}; default none: the key's id
     */
    record ClaimBody(String fromStatus, String toStatus, Integer limit, Long leaseSeconds, String owner) {}

    /**
     * The body of a renewal.
     *
     * @param leaseSeconds how long from now the lease holds; default {@value #DEFAULT_LEASE_SECONDS}
     * @param owner the label given at the claim, if one was
     */
    record RenewBody(Long leaseSeconds, String owner) {}
}
