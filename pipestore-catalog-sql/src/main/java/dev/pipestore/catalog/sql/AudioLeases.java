package dev.pipestore.catalog.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.ConflictException;
import dev.pipestore.LeaseConflictException;
import dev.pipestore.LeaseConflictException.Reason;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.ClaimLimits;
import dev.pipestore.catalog.ClaimedAudioFile;
import dev.pipestore.catalog.Lease;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a lease holder does with a claimed file: move it on, renew the lease, give the file back.
 *
 * <p>Each is one {@code UPDATE} whose {@code WHERE} carries the lease check (owner and expiry), so the check and the
 * change cannot be separated by another claimer on any dialect: a row lock on PostgreSQL and MariaDB, the database
 * write lock of {@code BEGIN IMMEDIATE} on SQLite. Only when nothing changed is the row read again, in the same
 * transaction, to say why.
 */
final class AudioLeases {

    static final String CLEAR_LEASE = "lease_owner = NULL, lease_expires_at = NULL, claimed_from = NULL";
    private static final String HELD_BY = "lease_owner = ? AND lease_expires_at > ?";

    private final Database database;
    private final String table;
    private final String columns;
    private final String jsonParameter;

    AudioLeases(Database database, String table, String columns) {
        this.database = database;
        this.table = table;
        this.columns = columns;
        this.jsonParameter = database.dialect().jsonParameter();
    }

    /** {@code metadata = ?, } when {@code metadata} replaces the stored object, nothing when it is kept. */
    String metadataAssignment(ObjectNode metadata) {
        return metadata == null ? "" : "metadata = " + jsonParameter + ", ";
    }

    /** Binds {@code metadata} where {@link #metadataAssignment} put its parameter. */
    Binder bindMetadata(Binder binder, ObjectNode metadata) throws SQLException {
        return metadata == null ? binder : binder.metadata(metadata);
    }

    AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next, ObjectNode metadata, String holder, Instant now) {
        ClaimLimits.checkOwner(holder);
        Instant at = Binder.storable("now", now);
        return database.inTransaction("change status of audio file " + id + " for lease holder", c -> {
            int changed = database.update(c, "UPDATE " + table + " SET status = ?, " + metadataAssignment(metadata)
                    + "updated_at = ?, " + CLEAR_LEASE
                    + " WHERE id = ? AND status = ? AND (lease_owner IS NULL OR (" + HELD_BY + "))",
                    b -> bindMetadata(b.text(next.wireName()), metadata).instant(at).uuid(id).text(expected.wireName())
                            .text(holder).instant(at));
            if (changed == 0) {
                State state = state(c, id);
                if (state.status() != expected) {
                    throw new ConflictException("audio file " + id + " is " + state.status().wireName() + ", not "
                            + expected.wireName() + "; its status was not changed to " + next.wireName());
                }
                throw refusal(id, state, holder, at, "its status was not changed to " + next.wireName());
            }
            return read(c, id);
        });
    }

    /** The lease stays as it is: replacing the metadata is part of the work, not its end. */
    AudioFile updateMetadata(UUID id, ObjectNode metadata, String holder, Instant now) {
        ClaimLimits.checkOwner(holder);
        Instant at = Binder.storable("now", now);
        return database.inTransaction("update metadata of audio file " + id + " for lease holder", c -> {
            int changed = database.update(c, "UPDATE " + table + " SET metadata = " + jsonParameter + ", updated_at = ?"
                    + " WHERE id = ? AND (lease_owner IS NULL OR (" + HELD_BY + "))",
                    b -> b.metadata(metadata).instant(at).uuid(id).text(holder).instant(at));
            if (changed == 0) {
                State state = state(c, id);
                if (state.lease().isEmpty()) {
                    throw new ConflictException("audio file " + id + " changed while its metadata was being updated; try again");
                }
                throw refusal(id, state, holder, at, "its metadata was not changed");
            }
            return read(c, id);
        });
    }

    ClaimedAudioFile renew(UUID id, String holder, Duration lease, Instant now) {
        ClaimLimits.checkOwner(holder);
        ClaimLimits.checkLease(lease);
        Instant at = Binder.storable("now", now);
        Instant expires = Binder.storable("lease_expires_at", at.plus(lease));
        return database.inTransaction("renew the lease on audio file " + id, c -> {
            int changed = database.update(c, "UPDATE " + table + " SET lease_expires_at = ? WHERE id = ? AND " + HELD_BY,
                    b -> b.instant(expires).uuid(id).text(holder).instant(at));
            if (changed == 0) {
                throw refusal(id, state(c, id), holder, at, "the lease was not renewed");
            }
            State state = state(c, id);
            return new ClaimedAudioFile(read(c, id), state.lease().orElseThrow());
        });
    }

    /** {@code holder} null: the operator's override, which releases any lease, expired or not. */
    AudioFile release(UUID id, String holder, Instant now) {
        if (holder != null) {
            ClaimLimits.checkOwner(holder);
        }
        Instant at = Binder.storable("now", now);
        // MariaDB applies SET assignments left to right, each seeing the ones before: status must take claimed_from
        // before claimed_from is cleared. PostgreSQL and SQLite read the old row throughout; the order suits both.
        String move = "UPDATE " + table + " SET status = claimed_from, updated_at = ?, " + CLEAR_LEASE
                + " WHERE id = ? AND claimed_from IS NOT NULL AND " + (holder == null ? "lease_owner IS NOT NULL" : HELD_BY);
        return database.inTransaction("give back audio file " + id, c -> {
            int changed = database.update(c, move, b -> {
                b.instant(at).uuid(id);
                if (holder != null) {
                    b.text(holder).instant(at);
                }
            });
            if (changed == 0) {
                throw refusal(id, state(c, id), holder, at, "it was not given back");
            }
            return read(c, id);
        });
    }

    /** Why {@code holder} may not act on the file in {@code state}. */
    private static ConflictException refusal(UUID id, State state, String holder, Instant now, String outcome) {
        if (state.lease().isEmpty()) {
            return new LeaseConflictException(id, Reason.NOT_LEASED, null, "audio file " + id + " is " + state.status().wireName()
                    + " and not leased (never claimed, or already moved on or given back); " + outcome);
        }
        if (holder != null) {
            Optional<LeaseConflictException> refused = LeaseConflictException.refusing(id, state.lease().get(), holder, now, outcome);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        // The row changed between the update and this read: another caller won a race.
        return new ConflictException("audio file " + id + " changed while it was being updated; " + outcome);
    }

    private State state(Connection c, UUID id) throws SQLException {
        return database.queryOne(c, "SELECT status, " + AudioClaims.LEASE_COLUMNS + " FROM " + table + " WHERE id = ?",
                b -> b.uuid(id), row -> new State(AudioStatus.parse(row.text("status")), AudioClaims.leaseOf(row)))
                .orElseThrow(() -> new NotFoundException("audio file", id.toString()));
    }

    private AudioFile read(Connection c, UUID id) throws SQLException {
        return database.queryOne(c, "SELECT " + columns + " FROM " + table + " WHERE id = ?", b -> b.uuid(id), SqlAudioFiles::map)
                .orElseThrow(() -> new NotFoundException("audio file", id.toString()));
    }

    private record State(AudioStatus status, Optional<Lease> lease) {
        State {
            Objects.requireNonNull(status, "status");
        }
    }
}
