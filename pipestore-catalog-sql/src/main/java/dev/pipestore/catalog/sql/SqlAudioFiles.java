package dev.pipestore.catalog.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileDeletion;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.AudioFiles;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.ClaimedAudioFile;
import dev.pipestore.catalog.Cursor;
import dev.pipestore.catalog.Lease;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.StorageTier;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The {@code audio_files} table, on any dialect. */
final class SqlAudioFiles implements AudioFiles {

    private static final String TABLE = "audio_files";
    private static final String COLUMNS = "id, file_path, file_size, duration_seconds, created_at, format, status, metadata,"
            + " content_sha256, original_name, object_key, storage_tier, duration_precise, sample_rate, channels, language,"
            + " idempotency_key, updated_at, archived_at, uploaded_by";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

    private final Database database;
    private final Clock clock;
    private final String insert;
    private final String updateMetadata;
    private final AudioClaims claims;
    private final AudioLeases leases;
    private final AudioCascade cascade;

    SqlAudioFiles(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        String json = database.dialect().jsonParameter();
        this.insert = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, " + json
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.updateMetadata = "UPDATE " + TABLE + " SET metadata = " + json + ", updated_at = ? WHERE id = ?";
        this.claims = new AudioClaims(database, TABLE, COLUMNS);
        this.leases = new AudioLeases(database, TABLE, COLUMNS);
        this.cascade = new AudioCascade(database, SELECT);
    }

    @Override
    public AudioFile insert(AudioFile file) {
        AudioFile row = storable(file);
        try {
            database.run("insert audio file " + row.id(), c -> database.update(c, insert, b -> b.uuid(row.id())
                    .text(row.filePath()).bigint(row.fileSize()).integer(row.durationSeconds()).instant(row.createdAt())
                    .text(row.format()).text(row.status().wireName()).metadata(row.metadata()).text(row.contentSha256())
                    .text(row.originalName()).text(row.objectKey()).text(row.storageTier().wireName())
                    .real(row.durationPrecise()).integer(row.sampleRate()).integer(row.channels()).text(row.language())
                    .text(row.idempotencyKey()).instant(row.updatedAt()).instant(row.archivedAt()).text(row.uploadedBy())));
        } catch (ConstraintViolation e) {
            if (e.isUnique() && e.concerns("idempotency_key")) {
                throw new ConflictException("idempotency key '" + row.idempotencyKey() + "' is already used by another audio file", e);
            }
            if (e.isUnique()) {
                throw new ConflictException("audio file " + row.id() + " already exists", e);
            }
            throw e;
        }
        return row;
    }

    @Override
    public Optional<AudioFile> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return database.run("read audio file " + id, c -> database.queryOne(c, SELECT + " WHERE id = ?", b -> b.uuid(id), SqlAudioFiles::map));
    }

    @Override
    public Optional<AudioFile> findByIdempotencyKey(String uploadedBy, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return database.run("find audio file by idempotency key", c -> database.queryOne(c,
                SELECT + " WHERE idempotency_key = ? AND " + UploaderScope.MATCHES,
                b -> b.text(idempotencyKey).text(UploaderScope.of(uploadedBy)), SqlAudioFiles::map));
    }

    @Override
    public Optional<AudioFile> findByObjectKey(String objectKey) {
        Objects.requireNonNull(objectKey, "objectKey");
        return database.run("find audio file by object key", c -> database.queryOne(c,
                SELECT + " WHERE object_key = ?", b -> b.text(objectKey), SqlAudioFiles::map));
    }

    @Override
    public Optional<AudioFile> findBySha256(String uploadedBy, String contentSha256) {
        Objects.requireNonNull(contentSha256, "contentSha256");
        return database.run("find audio file by SHA-256", c -> database.queryOne(c,
                SELECT + " WHERE content_sha256 = ? AND " + UploaderScope.MATCHES + " ORDER BY created_at, id LIMIT 1",
                b -> b.text(contentSha256).text(UploaderScope.of(uploadedBy)), SqlAudioFiles::map));
    }

    @Override
    public Optional<AudioFile> claimIdempotencyKey(UUID id, String idempotencyKey) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        try {
            database.run("give audio file " + id + " an idempotency key", c -> database.update(c,
                    "UPDATE " + TABLE + " SET idempotency_key = ? WHERE id = ? AND idempotency_key IS NULL",
                    b -> b.text(idempotencyKey).uuid(id)));
        } catch (ConstraintViolation e) {
            if (e.isUnique()) {
                throw new ConflictException("idempotency key '" + idempotencyKey + "' is already used by another audio file", e);
            }
            throw e;
        }
        return find(id);
    }

    @Override
    public Page<AudioFile> list(AudioFileQuery query, PageRequest page) {
        return new KeysetQuery(TABLE, COLUMNS)
                .equal("status", query.status())
                .createdBetween(query.createdFrom(), query.createdBefore())
                .equal("language", query.language())
                .equal("uploaded_by", query.uploadedBy())
                .page(database, "list audio files", page, SqlAudioFiles::map, f -> new Cursor(f.createdAt(), f.id()));
    }

    @Override
    public List<ClaimedAudioFile> claim(AudioStatus from, AudioStatus to, int limit, Duration lease, String owner, Instant now) {
        Objects.requireNonNull(now, "now");
        return claims.claim(from, to, limit, lease, owner, now);
    }

    @Override
    public Optional<Lease> lease(UUID id) {
        Objects.requireNonNull(id, "id");
        return claims.lease(id);
    }

    /** Also ends any lease, whoever holds it: the operator's override. */
    @Override
    public AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next, ObjectNode metadata) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        Instant now = Binder.storable("updated_at", clock.instant());
        return database.inTransaction("change status of audio file " + id, c -> {
            int changed = database.update(c, "UPDATE " + TABLE + " SET status = ?, " + leases.metadataAssignment(metadata)
                    + "updated_at = ?, " + AudioLeases.CLEAR_LEASE + " WHERE id = ? AND status = ?",
                    b -> leases.bindMetadata(b.text(next.wireName()), metadata).instant(now).uuid(id)
                            .text(expected.wireName()));
            AudioFile current = database.queryOne(c, SELECT + " WHERE id = ?", b -> b.uuid(id), SqlAudioFiles::map)
                    .orElseThrow(() -> new NotFoundException("audio file", id.toString()));
            if (changed == 0) {
                throw new ConflictException("audio file " + id + " is " + current.status().wireName() + ", not "
                        + expected.wireName() + "; its status was not changed to " + next.wireName());
            }
            return current;
        });
    }

    @Override
    public AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next, ObjectNode metadata, String holder,
            Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(now, "now");
        return leases.updateStatus(id, expected, next, metadata, holder, now);
    }

    @Override
    public ClaimedAudioFile renewLease(UUID id, String holder, Duration lease, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        return leases.renew(id, holder, lease, now);
    }

    @Override
    public AudioFile releaseLease(UUID id, String holder, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        return leases.release(id, holder, now);
    }

    @Override
    public AudioFile updateMetadata(UUID id, ObjectNode metadata) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        Instant now = Binder.storable("updated_at", clock.instant());
        return database.inTransaction("update metadata of audio file " + id, c -> {
            int changed = database.update(c, updateMetadata, b -> b.metadata(metadata).instant(now).uuid(id));
            if (changed == 0) {
                throw new NotFoundException("audio file", id.toString());
            }
            return database.queryOne(c, SELECT + " WHERE id = ?", b -> b.uuid(id), SqlAudioFiles::map).orElseThrow();
        });
    }

    @Override
    public AudioFile updateMetadata(UUID id, ObjectNode metadata, String holder, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(now, "now");
        return leases.updateMetadata(id, metadata, holder, now);
    }

    @Override
    public boolean delete(UUID id) {
        Objects.requireNonNull(id, "id");
        try {
            return database.run("delete audio file " + id,
                    c -> database.update(c, "DELETE FROM " + TABLE + " WHERE id = ?", b -> b.uuid(id))) > 0;
        } catch (ConstraintViolation e) {
            if (e.isForeignKey()) {
                throw new ConflictException("audio file " + id
                        + " still has transcriptions or analysis results; delete it together with them", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<AudioFileDeletion> deleteWithDependents(UUID id) {
        Objects.requireNonNull(id, "id");
        return cascade.delete(id);
    }

    private static AudioFile storable(AudioFile f) {
        if (!Double.isFinite(f.durationPrecise()) || f.durationPrecise() < 0) {
            throw new InvalidInputException("duration_precise", "must be a finite number of seconds at least 0, got "
                    + f.durationPrecise());
        }
        return new AudioFile(f.id(), f.filePath(), f.fileSize(), f.durationSeconds(), Binder.storable("created_at", f.createdAt()),
                f.format(), f.status(), f.metadata(), f.contentSha256(), f.originalName(), f.objectKey(), f.storageTier(),
                f.durationPrecise(), f.sampleRate(), f.channels(), f.language(), f.idempotencyKey(),
                Binder.storable("updated_at", f.updatedAt()), Binder.storable("archived_at", f.archivedAt()), f.uploadedBy());
    }

    static AudioFile map(Row row) throws SQLException {
        return new AudioFile(row.uuid("id"), row.text("file_path"), row.bigint("file_size"), row.integer("duration_seconds"),
                row.instant("created_at"), row.text("format"), AudioStatus.parse(row.text("status")), row.object("metadata"),
                row.text("content_sha256"), row.text("original_name"), row.text("object_key"),
                StorageTier.parse(row.text("storage_tier")), row.real("duration_precise"), row.integerOrNull("sample_rate"),
                row.integerOrNull("channels"), row.text("language"), row.text("idempotency_key"), row.instant("updated_at"),
                row.instant("archived_at"), row.text("uploaded_by"));
    }
}
