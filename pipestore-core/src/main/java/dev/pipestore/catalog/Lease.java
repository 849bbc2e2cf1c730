package dev.pipestore.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's hold on a claimed audio file: who holds it, until when, and which status it was claimed from. When the
 * lease expires without the file's status changing, the file can be claimed again from {@code claimedFrom}.
 *
 * @param owner who claimed the file, as the claimer named itself
 * @param expiresAt when the hold ends
 * @param claimedFrom the status the file was in before the claim
 */
public record Lease(String owner, Instant expiresAt, AudioStatus claimedFrom) {

    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(claimedFrom, "claimedFrom");
    }

    /** Whether the hold has ended at {@code now}: an expired lease no longer protects the file from other claimers. */
    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
