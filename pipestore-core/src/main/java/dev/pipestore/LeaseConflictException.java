package dev.pipestore;

import dev.pipestore.catalog.Lease;
import java.util.Objects;
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
