package dev.pipestore;

import dev.pipestore.catalog.Lease;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A worker acted on a claimed audio file as if it held the lease, and it does not: the lease ran out, another worker
 * holds it, or there is no lease at all. The work may have been handed to someone else; the caller should drop it.
 */
public class LeaseConflictException extends ConflictException {

    /** Why the caller does not hold the lease. */
    public enum Reason {
        /** The caller's own lease ran out before it acted; others may have claimed the file since. */
        EXPIRED,
        /** The lease belongs to another worker (running or expired). */
        HELD_BY_ANOTHER,
        /** The file is not leased: never claimed, or already moved on or given back. */
        NOT_LEASED
    }

    private final UUID fileId;
    private final Reason reason;
    private final transient Lease lease;

    public LeaseConflictException(UUID fileId, Reason reason, Lease lease, String message) {
        super(message);
        this.fileId = Objects.requireNonNull(fileId, "fileId");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.lease = lease;
    }

    /**
     * Why the worker {@code holder} may not act on file {@code id} under {@code lease} at {@code now}, or empty when it
     * holds that lease and it has not expired.
     *
     * @param outcome what did not happen because of it, ending the message (e.g. "its metadata was not changed")
     */
    public static Optional<LeaseConflictException> refusing(UUID id, Lease lease, String holder, Instant now, String outcome) {
        if (!lease.owner().equals(holder)) {
            return Optional.of(new LeaseConflictException(id, Reason.HELD_BY_ANOTHER, lease, "audio file " + id
                    + " is leased by another worker (" + lease.owner() + ", " + (lease.isExpiredAt(now) ? "expired at " : "until ")
                    + lease.expiresAt() + "), not by " + holder + "; " + outcome));
        }
        if (lease.isExpiredAt(now)) {
            return Optional.of(new LeaseConflictException(id, Reason.EXPIRED, lease, "audio file " + id + ": the lease of "
                    + holder + " expired at " + lease.expiresAt() + " and the file may be claimed by another worker; " + outcome));
        }
        return Optional.empty();
    }

    public UUID fileId() {
        return fileId;
    }

    public Reason reason() {
        return reason;
    }

    /** The lease the file has now, or {@code null} when it has none. */
    public Lease lease() {
        return lease;
    }
}
