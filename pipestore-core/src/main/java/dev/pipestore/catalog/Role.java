package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an API key may do (the seed's IAM roles, in API form). The HTTP layer maps each route to the roles it admits.
 */
public enum Role {
    /** Pipeline inputs: uploads audio and texts, and reads what it uploaded. */
    INGEST,
    /** Pipeline stages: claims work, writes transcriptions, translations and results, and reads everything. */
    WORKER,
    /** Read-only access to records, content and search. */
    READ,
    /** Everything, including API keys, lifecycle jobs and backups. */
    ADMIN;

    /** The lower-case name stored in the catalog and used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, case-insensitively. */
    public static Role parse(String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.wireName().equalsIgnoreCase(value.strip())) {
                    return role;
                }
            }
        }
        String known = Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
        throw new InvalidInputException("role", "unknown role '" + value + "', expected one of " + known);
    }
}
