package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.ClaimLimits;
import dev.pipestore.catalog.ClaimedAudioFile;
import dev.pipestore.catalog.Lease;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Work claiming on {@code audio_files}: picks the oldest claimable rows and moves them to the claimed status with a
 * lease, in one transaction, so that concurrent claimers never receive the same row.
 *
 * <p>PostgreSQL and MariaDB lock the picked rows with {@code FOR UPDATE SKIP LOCKED}: a row another claimer holds is
 * passed over instead of waited for, and the lock lasts until the rows are moved. SQLite has no row locks; it needs
 * none, because every transaction here starts with {@code BEGIN IMMEDIATE}, which takes the database's single write
 * lock, so no other writer (in this process or another) runs between the select and the update.
 */
final class AudioClaims {

    static final String LEASE_COLUMNS = "lease_owner, lease_expires_at, claimed_from";

    private final Database database;
    private final String table;
    private final String columns;

    AudioClaims(Database database, String table, String columns) {
        this.database = database;
        this.table = table;
        this.columns = columns;
    }

    List<ClaimedAudioFile> claim(AudioStatus from, AudioStatus to, int limit, Duration lease, String owner, Instant now) {
        ClaimLimits.check(from, to, limit, lease, owner);
        Instant at = Binder.storable("now", now);
        Instant expires = Binder.storable("lease_expires_at", at.plus(lease));
        Dialect dialect = database.dialect();
        // Claimable: files in the from-status that no live lease holds (a claim into it leaves one, as a retry claim from
        // failed into uploaded does), and files an expired lease left in the to-status of a claim from the from-status.
        String pick = "SELECT id FROM " + table + " WHERE (status = ? AND (lease_expires_at IS NULL OR lease_expires_at <= ?))"
                + " OR (status = ? AND claimed_from = ? AND lease_expires_at <= ?)"
                + " ORDER BY created_at, id LIMIT " + limit + dialect.skipLocked();
        // Concurrent claimers lock rows as their scans meet them; InnoDB may still pick one as a deadlock victim.
        String action = "claim up to " + limit + " audio files from " + from.wireName();
        return database.inTransaction(action, c -> {
            dialect.beforeClaim(c);
            List<UUID> ids = database.query(c, pick, b -> b.text(from.wireName()).instant(at).text(to.wireName())
                    .text(from.wireName()).instant(at), row -> row.uuid("id"));
            if (ids.isEmpty()) {
                return List.of();
            }
            String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
            database.update(c, "UPDATE " + table + " SET status = ?, lease_owner = ?, lease_expires_at = ?, claimed_from = ?,"
                    + " updated_at = ? WHERE id IN (" + in + ")", b -> {
                        b.text(to.wireName()).text(owner).instant(expires).text(from.wireName()).instant(at);
                        for (UUID id : ids) {
                            b.uuid(id);
                        }
                    });
            return read(c, ids, in);
        });
    }

    private List<ClaimedAudioFile> read(Connection c, List<UUID> ids, String in) throws SQLException {
        String sql = "SELECT " + columns + ", " + LEASE_COLUMNS + " FROM " + table + " WHERE id IN (" + in + ")"
                + " ORDER BY created_at, id";
        List<ClaimedAudioFile> claimed = new ArrayList<>(ids.size());
        claimed.addAll(database.query(c, sql, b -> {
            for (UUID id : ids) {
                b.uuid(id);
            }
        }, row -> new ClaimedAudioFile(SqlAudioFiles.map(row), leaseOf(row).orElseThrow())));
        return claimed;
    }

    Optional<Lease> lease(UUID id) {
        return database.run("read the lease of audio file " + id, c -> database.queryOne(c,
                "SELECT " + LEASE_COLUMNS + " FROM " + table + " WHERE id = ?", b -> b.uuid(id), AudioClaims::leaseOf))
                .orElseThrow(() -> new dev.pipestore.NotFoundException("audio file", id.toString()));
    }

    static Optional<Lease> leaseOf(Row row) throws SQLException {
        String owner = row.text("lease_owner");
        Instant expires = row.instant("lease_expires_at");
        String from = row.text("claimed_from");
        if (owner == null || expires == null || from == null) {
            return Optional.empty();
        }
        return Optional.of(new Lease(owner, expires, AudioStatus.parse(from)));
    }
}
