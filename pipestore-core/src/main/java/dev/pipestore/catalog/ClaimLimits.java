package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.time.Duration;

/** The bounds of a work claim, checked the same way by the library and by every catalog adapter. */
public final class ClaimLimits {

    /** The most files one claim hands out: a worker asking for more should claim again when done. */
    public static final int MAX_LIMIT = 100;
    public static final Duration MIN_LEASE = Duration.ofSeconds(1);
    /** A day: a longer hold on a crashed worker's files would stall the pipeline for too long. */
    public static final Duration MAX_LEASE = Duration.ofHours(24);
    public static final int MAX_OWNER_LENGTH = 100;

    private ClaimLimits() {}

    /**
     * Refuses a claim outside the bounds, naming the wire field at fault.
     *
     * @throws InvalidInputException naming {@code from_status}, {@code to_status}, {@code limit}, {@code lease_seconds}
     *     or {@code owner}
     */
    public static void check(AudioStatus from, AudioStatus to, int limit, Duration lease, String owner) {
        if (from == null) {
            throw new InvalidInputException("from_status", "is required");
        }
        if (to == null) {
            throw new InvalidInputException("to_status", "is required");
        }
        if (from == to) {
            throw new InvalidInputException("to_status", "must differ from from_status (" + from.wireName() + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        checkLease(lease);
        checkOwner(owner);
    }

    /**
     * Refuses a lease length outside {@link #MIN_LEASE}..{@link #MAX_LEASE}, for a claim or a renewal.
     *
     * @throws InvalidInputException naming {@code lease_seconds}
     */
    public static void checkLease(Duration lease) {
        if (lease == null || lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0) {
            throw new InvalidInputException("lease_seconds", "must be between " + MIN_LEASE.toSeconds() + " and "
                    + MAX_LEASE.toSeconds() + " seconds, got " + (lease == null ? "none" : lease.toMillis() / 1000.0));
        }
    }

    /**
     * The lease of {@code seconds}, refused outside the bounds with the caller's number in the message, whatever its
     * size.
     *
     * @throws InvalidInputException naming {@code lease_seconds}
     */
    public static Duration leaseOfSeconds(long seconds) {
        if (seconds < MIN_LEASE.toSeconds() || seconds > MAX_LEASE.toSeconds()) {
            throw new InvalidInputException("lease_seconds", "must be between " + MIN_LEASE.toSeconds() + " and "
                    + MAX_LEASE.toSeconds() + " seconds, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * Refuses an empty, overlong or NUL-bearing lease owner.
     *
     * @throws InvalidInputException naming {@code owner}
     */
    public static void checkOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new InvalidInputException("owner", "must not be empty");
        }
        if (owner.length() > MAX_OWNER_LENGTH) {
            throw new InvalidInputException("owner", "longer than " + MAX_OWNER_LENGTH + " characters");
        }
        if (owner.indexOf('\0') >= 0) {
            throw new InvalidInputException("owner", "contains the NUL character U+0000");
        }
    }
}
