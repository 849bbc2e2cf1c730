package dev.pipestore.catalog.sql;

import dev.pipestore.ConflictException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.Cursor;
import dev.pipestore.catalog.LanguageTags;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Translation;
import dev.pipestore.catalog.TranslationQuery;
import dev.pipestore.catalog.Translations;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The {@code translations} table, on any dialect. */
final class SqlTranslations implements Translations {

    private static final String TABLE = "translations";
    private static final String COLUMNS = "id, transcription_id, content, source_language, target_language, confidence,"
            + " created_at, model_version, metadata, updated_at, archived_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

    private final Database database;
    private final String insert;
    private final String insertWithKey;

    SqlTranslations(Database database) {
        this.database = database;
        this.insert = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + database.dialect().jsonParameter() + ", ?, ?)";
        this.insertWithKey = "INSERT INTO " + TABLE + " (" + COLUMNS + ", idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + database.dialect().jsonParameter() + ", ?, ?, ?)";
    }

    @Override
    public Translation insert(Translation translation) {
        Translation row = storable(translation);
        return insert(row, insert, b -> bind(b, row));
    }

    @Override
    public Translation insert(Translation translation, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Translation row = storable(translation);
        return insert(row, insertWithKey, b -> bind(b, row).text(idempotencyKey));
    }

    @Override
    public Optional<Translation> findByIdempotencyKey(UUID transcriptionId, String idempotencyKey) {
        Objects.requireNonNull(transcriptionId, "transcriptionId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return database.run("read translation of transcription " + transcriptionId + " by idempotency key",
                c -> database.queryOne(c, SELECT + " WHERE transcription_id = ? AND idempotency_key = ?",
                        b -> b.uuid(transcriptionId).text(idempotencyKey), SqlTranslations::map));
    }

    private static Binder bind(Binder b, Translation row) throws SQLException {
        return b.uuid(row.id()).uuid(row.transcriptionId()).text(row.content()).text(row.sourceLanguage())
                .text(row.targetLanguage()).real(row.confidence()).instant(row.createdAt()).text(row.modelVersion())
                .metadata(row.metadata()).instant(row.updatedAt()).instant(row.archivedAt());
    }

    private Translation insert(Translation row, String sql, Database.Parameters binding) {
        try {
            database.run("insert translation " + row.id(), c -> database.update(c, sql, binding));
        } catch (StatementTooLarge e) {
            throw e.renamed("content"); // the only value that can be that large: metadata is at most 64 KiB
        } catch (ConstraintViolation e) {
            if (e.isForeignKey()) {
                // The only parent: a foreign-key failure means the transcription does not exist.
                NotFoundException missing = new NotFoundException("transcription", row.transcriptionId().toString());
                missing.initCause(e);
                throw missing;
            }
            if (e.isUnique()) {
                throw new ConflictException("translation " + row.id() + " or its idempotency key exists already", e);
            }
            throw e;
        }
        return row;
    }

    @Override
    public Optional<Translation> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return database.run("read translation " + id,
                c -> database.queryOne(c, SELECT + " WHERE id = ?", b -> b.uuid(id), SqlTranslations::map));
    }

    @Override
    public List<Translation> listForTranscription(UUID transcriptionId, String targetLanguage) {
        Objects.requireNonNull(transcriptionId, "transcriptionId");
        String target = LanguageTags.normaliseOrNull("target_language", targetLanguage);
        String sql = SELECT + " WHERE transcription_id = ?" + (target == null ? "" : " AND target_language = ?")
                + " ORDER BY created_at DESC, id DESC";
        return database.run("list translations of transcription " + transcriptionId, c -> database.query(c, sql, b -> {
            b.uuid(transcriptionId);
            if (target != null) {
                b.text(target);
            }
        }, SqlTranslations::map));
    }

    @Override
    public Page<Translation> list(TranslationQuery query, PageRequest page) {
        return new KeysetQuery(TABLE, COLUMNS)
                .equal("transcription_id", query.transcriptionId())
                .equal("target_language", query.targetLanguage())
                .equal("model_version", query.modelVersion())
                .createdBetween(query.createdFrom(), query.createdBefore())
                .page(database, "list translations", page, SqlTranslations::map, t -> new Cursor(t.createdAt(), t.id()));
    }

    private static Translation storable(Translation t) {
        return new Translation(t.id(), t.transcriptionId(), t.content(), t.sourceLanguage(), t.targetLanguage(), t.confidence(),
                Binder.storable("created_at", t.createdAt()), t.modelVersion(), t.metadata(),
                Binder.storable("updated_at", t.updatedAt()), Binder.storable("archived_at", t.archivedAt()));
    }

    private static Translation map(Row row) throws SQLException {
        return new Translation(row.uuid("id"), row.uuid("transcription_id"), row.text("content"), row.text("source_language"),
                row.text("target_language"), row.realOrNull("confidence"), row.instant("created_at"),
                row.text("model_version"), row.object("metadata"), row.instant("updated_at"), row.instant("archived_at"));
    }
}
