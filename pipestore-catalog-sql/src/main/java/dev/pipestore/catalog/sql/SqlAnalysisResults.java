package dev.pipestore.catalog.sql;

import dev.pipestore.ConflictException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AnalysisResult;
import dev.pipestore.catalog.AnalysisResultQuery;
import dev.pipestore.catalog.AnalysisResults;
import dev.pipestore.catalog.Cursor;
import dev.pipestore.catalog.IdempotencyKey;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
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

/** The {@code analysis_results} table, on any dialect; written in batches, all or nothing. */
final class SqlAnalysisResults implements AnalysisResults {

    private static final String TABLE = "analysis_results";
    private static final String COLUMNS = "id, audio_file_id, transcription_id, analysis_type, result, confidence, model_version,"
            + " created_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

    private final Database database;
    private final String insert;

    SqlAnalysisResults(Database database) {
        this.database = database;
        this.insert = "INSERT INTO " + TABLE + " (" + COLUMNS + ", idempotency_key) VALUES (?, ?, ?, ?, "
                + database.dialect().jsonParameter() + ", ?, ?, ?, ?)";
    }

    @Override
    public void insertBatch(List<AnalysisResult> results, List<String> idempotencyKeys) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        if (idempotencyKeys.size() != results.size()) {
            throw new IllegalArgumentException(idempotencyKeys.size() + " idempotency keys for " + results.size() + " results");
        }
        if (results.isEmpty()) {
            return;
        }
        List<Keyed<AnalysisResult>> rows = new ArrayList<>(results.size());
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            AnalysisResult row = storable(results.get(i));
            if (!ids.add(row.id())) {
                throw new ConflictException("analysis result " + row.id() + " appears twice in the batch");
            }
            rows.add(new Keyed<>(row, idempotencyKeys.get(i)));
        }
        try {
            database.inTransaction("insert " + rows.size() + " analysis results", c -> {
                database.insertBatch(c, insert, "results", rows, (binder, keyed) -> {
                    AnalysisResult row = keyed.row();
                    binder.uuid(row.id()).uuid(row.audioFileId()).uuid(row.transcriptionId()).text(row.analysisType())
                            .json(row.result()).real(row.confidence()).text(row.modelVersion()).instant(row.createdAt())
                            .text(keyed.key());
                });
                return null;
            });
        } catch (ConstraintViolation e) {
            throw explain(rows.stream().map(Keyed::row).toList(), e);
        }
    }

    @Override
    public Map<IdempotencyKey, AnalysisResult> findByIdempotencyKeys(Collection<IdempotencyKey> keys) {
        return KeyedRows.find(database, "analysis results", SELECT, keys, SqlAnalysisResults::map);
    }

    /** The batch was rolled back; find which row's parent is missing or which id or key is taken, to name it. */
    private RuntimeException explain(List<AnalysisResult> rows, ConstraintViolation e) {
        if (e.isUnique() && e.concernsIdempotencyIndexOf(TABLE)) {
            return new ConflictException("an idempotency key of the batch is taken by an earlier result of its audio file;"
                    + " no result of the batch was stored", e);
        }
        if (e.isForeignKey()) {
            Set<UUID> audioFiles = new LinkedHashSet<>();
            Set<UUID> transcriptions = new LinkedHashSet<>();
            for (AnalysisResult row : rows) {
                if (row.audioFileId() != null) {
                    audioFiles.add(row.audioFileId());
                }
                if (row.transcriptionId() != null) {
                    transcriptions.add(row.transcriptionId());
                }
            }
            for (UUID id : audioFiles) {
                if (!database.exists("check audio file " + id, "audio_files", id)) {
                    return withCause(new NotFoundException("audio file", id.toString()), e);
                }
            }
            for (UUID id : transcriptions) {
                if (!database.exists("check transcription " + id, "transcriptions", id)) {
                    return withCause(new NotFoundException("transcription", id.toString()), e);
                }
            }
        }
        if (e.isUnique()) {
            for (AnalysisResult row : rows) {
                if (database.exists("check analysis result " + row.id(), TABLE, row.id())) {
                    return new ConflictException("analysis result " + row.id() + " already exists; no result of the batch was stored", e);
                }
            }
        }
        return e;
    }

    private static NotFoundException withCause(NotFoundException missing, Throwable cause) {
        missing.initCause(cause);
        return missing;
    }

    @Override
    public Optional<AnalysisResult> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return database.run("read analysis result " + id,
                c -> database.queryOne(c, SELECT + " WHERE id = ?", b -> b.uuid(id), SqlAnalysisResults::map));
    }

    @Override
    public Page<AnalysisResult> list(AnalysisResultQuery query, PageRequest page) {
        return new KeysetQuery(TABLE, COLUMNS)
                .equal("audio_file_id", query.audioFileId())
                .equal("transcription_id", query.transcriptionId())
                .equal("analysis_type", query.analysisType())
                .page(database, "list analysis results", page, SqlAnalysisResults::map, r -> new Cursor(r.createdAt(), r.id()));
    }

    /** Rebuilds a record only when its time needs truncating: copying every result's JSON again is not free. */
    private static AnalysisResult storable(AnalysisResult r) {
        if (Binder.storable("created_at", r.createdAt()).equals(r.createdAt())) {
            return r;
        }
        return new AnalysisResult(r.id(), r.audioFileId(), r.transcriptionId(), r.analysisType(), r.result(), r.confidence(),
                r.modelVersion(), Binder.storable("created_at", r.createdAt()));
    }

    private static AnalysisResult map(Row row) throws SQLException {
        return new AnalysisResult(row.uuid("id"), row.uuid("audio_file_id"), row.uuid("transcription_id"),
                row.text("analysis_type"), row.json("result"), row.realOrNull("confidence"), row.text("model_version"),
                row.instant("created_at"));
    }
}
