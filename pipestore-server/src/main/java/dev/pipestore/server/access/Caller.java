package dev.pipestore.server.access;

import dev.pipestore.catalog.ApiKey;
import dev.pipestore.catalog.Role;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * The key a request was authenticated with, kept on the request by {@link AccessFilter}.
 *
 * @param key the key (its hash and prefix, never the secret)
 */
public record Caller(ApiKey key) {

    private static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        Objects.requireNonNull(key, "key");
    }

    /** The caller of {@code ctx}; empty on open routes and for keyless loopback calls. */
    public static Optional<Caller> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public Role role() {
        return key.role();
    }

    /** How records and leases name this caller: the key's id. */
    public String id() {
        return key.id().toString();
    }
}
