package dev.pipestore.server.access;

import dev.pipestore.access.ApiKeyService;
import dev.pipestore.catalog.ApiKey;
import dev.pipestore.catalog.Role;
import dev.pipestore.server.problem.HttpProblem;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every matched route's declared {@link Access} before its handler runs: {@code Authorization: Bearer <key>}
 * for keyed routes (401 without a valid key, 403 for a key of another role), nothing for open ones, loopback for
 * {@code /ready}. A route declaring no access at all admits admin keys only, so a forgotten declaration fails closed.
 */
public final class AccessFilter implements Handler {

    private static final String BEARER = "Bearer ";

    private final ApiKeyService keys;

    public AccessFilter(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> declared = ctx.routeRoles();
        if (declared.isEmpty() && ctx.method() == HandlerType.HEAD) {
            // Javalin matches HEAD to any GET route; only the content routes declare HEAD of their own.
            throw HttpProblem.methodNotAllowed("HEAD", "GET");
        }
        if (declared.contains(Access.OPEN) || (declared.contains(Access.LOOPBACK) && isLoopback(ctx))) {
            return;
        }
        if (Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
            // Which one counts would be this server's choice, and a proxy in front may choose the other.
            throw HttpProblem.unauthorized("the request has several Authorization headers; send one");
        }
        ApiKey key = authenticate(ctx.header("Authorization"));
        if (key.role() != Role.ADMIN && declared.stream().noneMatch(a -> a instanceof Access access && access.admits(key.role()))) {
            throw HttpProblem.forbidden("a key with the " + key.role().wireName() + " role may not " + ctx.method() + " "
                    + ctx.path() + "; allowed: " + allowed(declared));
        }
        new Caller(key).attachTo(ctx);
    }

    private ApiKey authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw HttpProblem.unauthorized("this route needs an API key: send 'Authorization: Bearer <key>'");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw HttpProblem.unauthorized("the Authorization header must use the Bearer scheme");
        }
        return keys.authenticate(authorization.substring(BEARER.length()).strip())
                .orElseThrow(() -> HttpProblem.unauthorized("the API key is not valid (unknown or revoked)"));
    }

    private static String allowed(Set<RouteRole> declared) {
        String roles = declared.stream().filter(Access.class::isInstance).map(a -> ((Access) a).wireName())
                .sorted().collect(Collectors.joining(", "));
        return roles.isEmpty() ? "admin" : roles + (declared.contains(Access.ADMIN) ? "" : ", admin");
    }

    /** The peer address, not a forwarded header: a proxy on this host makes every client look local (see README). */
    static boolean isLoopback(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
