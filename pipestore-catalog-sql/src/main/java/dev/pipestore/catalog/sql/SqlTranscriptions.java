package dev.pipestore.catalog.sql;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.Cursor;
import dev.pipestore.catalog.IdempotencyKey;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.TranscriptionQuery;
import dev.pipestore.catalog.Transcriptions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code transcriptions} table, on any dialect; rows are inserted one at a time or in all-or-nothing batches. */
final class SqlTranscriptions implements Transcriptions {

    private static final String TABLE = "transcriptions";
    private static final String COLUMNS = "id, audio_file_id, content, language, confidence, created_at, model_version, metadata,"
            + " updated_at, archived_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

    private final Database database;
    private final String insert;
    private final String insertWithKey;
    private final String latestPerModelVersion;

    SqlTranscriptions(Database database) {
        this.database = database;
        this.insert = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, "
                + database.dialect().jsonParameter() + ", ?, ?)";
        this.insertWithKey = "INSERT INTO " + TABLE + " (" + COLUMNS + ", idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + database.dialect().jsonParameter() + ", ?, ?, ?)";
        this.latestPerModelVersion = database.dialect().latestPerModelVersion(TABLE, COLUMNS);
    }

    @Override
    public Transcription insert(Transcription transcription) {
        Transcription row = storable(transcription);
        return insert(row, insert, b -> bind(b, row));
    }

    @Override
    public Transcription insert(Transcription transcription, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Transcription row = storable(transcription);
        return insert(row, insertWithKey, b -> bind(b, row).text(idempotencyKey));
    }

    @Override
    public Optional<Transcription> findByIdempotencyKey(UUID audioFileId, String idempotencyKey) {
        Objects.requireNonNull(audioFileId, "audioFileId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return database.run("read transcription of audio file " + audioFileId + " by idempotency key",
                c -> database.queryOne(c, SELECT + " WHERE audio_file_id = ? AND idempotency_key = ?",
                        b -> b.uuid(audioFileId).text(idempotencyKey), SqlTranscriptions::map));
    }

    private Transcription insert(Transcription row, String sql, Database.Parameters binding) {
        try {
            database.run("insert transcription " + row.id(), c -> database.update(c, sql, binding));
        } catch (StatementTooLarge e) {
            throw e.renamed("content"); // the only value that can be that large: metadata is at most 64 KiB
        } catch (ConstraintViolation e) {
            if (e.isForeignKey()) {
                // The only parent: a foreign-key failure means the audio file does not exist (or was just deleted).
                NotFoundException missing = new NotFoundException("audio file", row.audioFileId().toString());
                missing.initCause(e);
                throw missing;
            }
            if (e.isUnique()) {
                throw new ConflictException("transcription " + row.id() + " or its idempotency key exists already", e);
            }
            throw e;
        }
        return row;
    }

    @Override
    public Map<IdempotencyKey, Transcription> findByIdempotencyKeys(Collection<IdempotencyKey> keys) {
        return KeyedRows.find(database, "transcriptions", SELECT, keys, SqlTranscriptions::map);
    }

    @Override
    public void insertBatch(List<Transcription> transcriptions, List<String> idempotencyKeys) {
        Objects.requireNonNull(transcriptions, "transcriptions");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        if (idempotencyKeys.size() != transcriptions.size()) {
            throw new IllegalArgumentException(idempotencyKeys.size() + " idempotency keys for " + transcriptions.size()
                    + " transcriptions");
        }
        if (transcriptions.isEmpty()) {
            return;
        }
        List<Keyed<Transcription>> rows = new ArrayList<>(transcriptions.size());
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < transcriptions.size(); i++) {
            Transcription row;
            try {
                row = storable(transcriptions.get(i));
            } catch (InvalidInputException e) {
                throw e.inItem("transcriptions", i);
            }
            if (!ids.add(row.id())) {
                throw new ConflictException("transcription " + row.id() + " appears twice in the batch; no transcription of"
                        + " the batch was stored");
            }
            rows.add(new Keyed<>(row, idempotencyKeys.get(i)));
        }
        try {
            database.inTransaction("insert " + rows.size() + " transcriptions", c -> {
                database.insertBatch(c, insertWithKey, "transcriptions", rows, (b, keyed) -> bind(b, keyed.row()).text(keyed.key()));
                return null;
            });
        } catch (StatementTooLarge e) {
            throw e.renamed("content");
        } catch (ConstraintViolation e) {
            throw explain(rows, e);
        }
    }

    /** The batch was rolled back; find which row's audio file is missing or which id or key is taken, to name it. */
    private RuntimeException explain(List<Keyed<Transcription>> rows, ConstraintViolation e) {
        if (e.isForeignKey()) {
            Set<UUID> audioFiles = new LinkedHashSet<>();
            rows.forEach(keyed -> audioFiles.add(keyed.row().audioFileId()));
            for (UUID id : audioFiles) {
                if (!database.exists("check audio file " + id, "audio_files", id)) {
                    NotFoundException missing = new NotFoundException("audio file", id.toString());
                    missing.initCause(e);
                    return missing;
                }
            }
        }
        if (e.isUnique() && e.concernsIdempotencyIndexOf(TABLE)) {
            return new ConflictException("an idempotency key of the batch is taken by an earlier transcription of its audio"
                    + " file; no transcription of the batch was stored", e);
        }
        if (e.isUnique()) {
            for (Keyed<Transcription> keyed : rows) {
                UUID id = keyed.row().id();
                if (database.exists("check transcription " + id, TABLE, id)) {
                    return new ConflictException("transcription " + id + " already exists; no transcription of the batch"
                            + " was stored", e);
                }
            }
        }
        return e;
    }

    @Override
    public Optional<Transcription> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return database.run("read transcription " + id,
                c -> database.queryOne(c, SELECT + " WHERE id = ?", b -> b.uuid(id), SqlTranscriptions::map));
    }

    @Override
    public List<Transcription> listForAudioFile(UUID audioFileId) {
        Objects.requireNonNull(audioFileId, "audioFileId");
        return database.run("list transcriptions of audio file " + audioFileId, c -> database.query(c,
                SELECT + " WHERE audio_file_id = ? ORDER BY created_at DESC, id DESC", b -> b.uuid(audioFileId),
                SqlTranscriptions::map));
    }

    @Override
    public List<Transcription> latestPerModelVersion(UUID audioFileId) {
        Objects.requireNonNull(audioFileId, "audioFileId");
        return database.run("list latest transcriptions of audio file " + audioFileId,
                c -> database.query(c, latestPerModelVersion, b -> b.uuid(audioFileId), SqlTranscriptions::map));
    }

    @Override
    public Page<Transcription> list(TranscriptionQuery query, PageRequest page) {
        return new KeysetQuery(TABLE, COLUMNS)
                .equal("audio_file_id", query.audioFileId())
                .equal("language", query.language())
                .equal("model_version", query.modelVersion())
                .createdBetween(query.createdFrom(), query.createdBefore())
                .page(database, "list transcriptions", page, SqlTranscriptions::map, t -> new Cursor(t.createdAt(), t.id()));
    }

    private static Binder bind(Binder b, Transcription row) throws SQLException {
        return b.uuid(row.id()).uuid(row.audioFileId()).text(row.content()).text(row.language()).real(row.confidence())
                .instant(row.createdAt()).text(row.modelVersion()).metadata(row.metadata()).instant(row.updatedAt())
                .instant(row.archivedAt());
    }

    /** Rebuilds a record only when a time needs truncating: rebuilding copies and checks its metadata again. */
    private static Transcription storable(Transcription t) {
        if (Objects.equals(Binder.storable("created_at", t.createdAt()), t.createdAt())
                && Objects.equals(Binder.storable("updated_at", t.updatedAt()), t.updatedAt())
                && Objects.equals(Binder.storable("archived_at", t.archivedAt()), t.archivedAt())) {
            return t;
        }
        return new Transcription(t.id(), t.audioFileId(), t.content(), t.language(), t.confidence(),
                Binder.storable("created_at", t.createdAt()), t.modelVersion(), t.metadata(),
                Binder.storable("updated_at", t.updatedAt()), Binder.storable("archived_at", t.archivedAt()));
    }

    private static Transcription map(Row row) throws SQLException {
        return new Transcription(row.uuid("id"), row.uuid("audio_file_id"), row.text("content"), row.text("language"),
                row.realOrNull("confidence"), row.instant("created_at"), row.text("model_version"), row.object("metadata"),
                row.instant("updated_at"), row.instant("archived_at"));
    }
}
