package dev.pipestore.ingest;

import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.ClaimLimits;
import java.time.Duration;

/**
 * A worker's request for work: up to {@code limit} audio files in status {@code from}, moved to {@code to} and held
 * for {@code leaseSeconds}. Mirrors the body of {@code POST /v1/audio/claim}; fields at fault are named by their wire
 * names ({@code from_status}, {@code to_status}, {@code limit}, {@code lease_seconds}, {@code owner}).
 *
 * @param from the status to claim from, for example {@code uploaded}
 * @param to the status claimed files move to, for example {@code processing}; must be allowed after {@code from}
 * @param limit 1 to {@value ClaimLimits#MAX_LIMIT} files
 * @param leaseSeconds 1 second to 24 hours; when it runs out before the file's status moves on, others may claim it
 * @param owner who claims: a worker name or API key id, at most {@value ClaimLimits#MAX_OWNER_LENGTH} characters
 */
public record ClaimRequest(AudioStatus from, AudioStatus to, int limit, long leaseSeconds, String owner) {

    public ClaimRequest {
        // Checked here first so the message shows the caller's number, whatever its size.
        if (leaseSeconds < ClaimLimits.MIN_LEASE.toSeconds() || leaseSeconds > ClaimLimits.MAX_LEASE.toSeconds()) {
            throw new InvalidInputException("lease_seconds", "must be between " + ClaimLimits.MIN_LEASE.toSeconds() + " and "
                    + ClaimLimits.MAX_LEASE.toSeconds() + " seconds, got " + leaseSeconds);
        }
        ClaimLimits.check(from, to, limit, Duration.ofSeconds(leaseSeconds), owner);
    }

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }
}
