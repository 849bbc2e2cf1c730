package dev.pipestore.server.access;

import dev.pipestore.catalog.Role;
import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * Who may call a route: declared on every route when it is registered, checked by {@link AccessFilter}, listed in the
 * OpenAPI document as {@code x-pipestore-access}. A key with the admin role passes every route.
 */
public enum Access implements RouteRole {
    /** Anyone, without a key. */
    OPEN,
    /** Loopback clients without a key; any other client needs an admin key. */
    LOOPBACK,
    /** Keys with the ingest role. */
    INGEST,
    /** Keys with the ingest role, for records that key uploaded only; others read as not found. */
    INGEST_OWN,
    /** Keys with the worker role. */
    WORKER,
    /** Keys with the read role. */
    READ,
    /** Keys with the admin role. */
    ADMIN;

    /** The name in the OpenAPI document and the README: {@code open}, {@code ingest-own}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a key with {@code role} passes this entry. */
    public boolean admits(Role role) {
        return switch (this) {
            case OPEN, LOOPBACK -> false;
            case INGEST, INGEST_OWN -> role == Role.INGEST;
            case WORKER -> role == Role.WORKER;
            case READ -> role == Role.READ;
            case ADMIN -> role == Role.ADMIN;
        };
    }
}
