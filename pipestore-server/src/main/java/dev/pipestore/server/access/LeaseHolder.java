package dev.pipestore.server.access;

import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.ClaimLimits;
import io.javalin.http.Context;

/**
 * Who holds a lease over HTTP: the caller's key id, so no worker can act as another, optionally followed by a label the
 * worker chose ({@code <key id>/<owner>}) to tell apart several processes sharing one key. The lease owner is shown
 * in claim answers and in problems; a key's id is not a secret.
 */
public final class LeaseHolder {

    /** Room left for the label in a lease owner after the key id (36) and the slash. */
    public static final int MAX_LABEL_LENGTH = ClaimLimits.MAX_OWNER_LENGTH - 37;

    private LeaseHolder() {}

    /**
     * The lease owner for the caller of {@code ctx} with the optional {@code label}.
     *
     * @throws InvalidInputException naming {@code owner} when the label is blank, too long or has control characters
     */
    public static String of(Context ctx, String label) {
        String key = Caller.of(ctx).map(Caller::id)
                .orElseThrow(() -> new IllegalStateException("lease routes are keyed; no caller on " + ctx.path()));
        if (label == null) {
            return key;
        }
        if (label.isBlank()) {
            throw new InvalidInputException("owner", "must not be blank; leave it out to hold the lease as the key itself");
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new InvalidInputException("owner", "longer than " + MAX_LABEL_LENGTH + " characters");
        }
        if (label.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("owner", "contains control characters");
        }
        return key + "/" + label;
    }
}
