package dev.pipestore.server;

import dev.pipestore.server.access.Access;
import io.javalin.security.Roles;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A route as the running server registered it with Javalin, and the access it declared: what the OpenAPI, access and
 * README tests check against, so that a route added without documentation or a declaration fails them.
 */
record RegisteredRoute(String method, String path, Set<Access> access) {

    static List<RegisteredRoute> of(PipestoreServer server) {
        return server.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> new RegisteredRoute(endpoint.method.name().toLowerCase(Locale.ROOT), endpoint.path,
                        access(endpoint.metadata(Roles.class))))
                .sorted(Comparator.comparing(RegisteredRoute::path).thenComparing(RegisteredRoute::method))
                .toList();
    }

    private static Set<Access> access(Roles roles) {
        Set<Access> access = EnumSet.noneOf(Access.class);
        if (roles != null) {
            roles.getRoles().forEach(role -> access.add((Access) role));
        }
        return access;
    }

    /** The access as the documents list it: declared entries plus admin, which passes every keyed route. */
    List<String> documentedAccess() {
        Set<Access> shown = EnumSet.copyOf(access.isEmpty() ? EnumSet.of(Access.ADMIN) : access);
        if (!shown.contains(Access.OPEN) && !shown.contains(Access.LOOPBACK)) {
            shown.add(Access.ADMIN);
        }
        return shown.stream().map(Access::wireName).sorted().toList();
    }

    @Override
    public String toString() {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

}
