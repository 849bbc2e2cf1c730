package dev.pipestore.catalog.sql;

import dev.pipestore.ConflictException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.Cursor;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.catalog.TranscriptionQuery;
import dev.pipestore.catalog.Transcriptions;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The {@code transcriptions} table, on any dialect. */
final class SqlTranscriptions implements Transcriptions {

    private static final String TABLE = "transcriptions";
    private static final String COLUMNS = "id, audio_file_id, content, language, confidence, created_at, model_version, metadata,"
            + " updated_at, archived_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

    private final Database database;
    private final String insert;
    private final String latestPerModelVersion;

    SqlTranscriptions(Database database) {
        this.database = database;
        this.insert = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, "
                + database.dialect().jsonParameter() + ", ?, ?)";
        this.latestPerModelVersion = database.dialect().latestPerModelVersion(TABLE, COLUMNS);
    }

    @Override
    public Transcription insert(Transcription transcription) {
        Transcription row = storable(transcription);
        try {
            database.run("insert transcription " + row.id(), c -> database.update(c, insert, b -> b.uuid(row.id())
                    .uuid(row.audioFileId()).text(row.content()).text(row.language()).real(row.confidence())
                    .instant(row.createdAt()).text(row.modelVersion()).metadata(row.metadata()).instant(row.updatedAt())
                    .instant(row.archivedAt())));
        } catch (ConstraintViolation e) {
            if (e.isForeignKey()) {
                // The only parent: a foreign-key failure means the audio file does not exist (or was just deleted).
                NotFoundException missing = new NotFoundException("audio file", row.audioFileId().toString());
                missing.initCause(e);
                throw missing;
            }
            if (e.isUnique()) {
                throw new ConflictException("transcription " + row.id() + " already exists", e);
            }
            throw e;
        }
        return row;
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

    private static Transcription storable(Transcription t) {
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
