package dev.pipestore.benchmarks.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.driver.Operation;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.benchmarks.env.TemporaryPostgres;
import dev.pipestore.results.NewTranscription;
import dev.pipestore.results.TranscriptionItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A batch of transcriptions through {@code PipeStore.transcriptions().addBatch} (every item checked, one transaction,
 * the audio file's cached lists invalidated) against a raw JDBC batch of the same rows, in the same table, on one
 * connection with {@code reWriteBatchedInserts=true}.
 */
public final class TranscriptionBatchWorkload implements Workload {

    /** Same statement text as the catalog's, so both sides parse, plan and cast alike. */
    private static final String INSERT = "INSERT INTO transcriptions (id, audio_file_id, content, language, confidence,"
            + " created_at, model_version, metadata, updated_at, archived_at, idempotency_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)";

    private final PipeStore store;
    private final UUID audioFileId;
    private final int batchSize;
    private final NewTranscription request;
    private final List<TranscriptionItem> items;
    private final ObjectNode metadata;
    private final ObjectMapper rawMapper = new ObjectMapper();
    private final Connection connection;
    private final PreparedStatement insert;

    public TranscriptionBatchWorkload(PipeStore store, TemporaryPostgres postgres, UUID audioFileId, int batchSize)
            throws SQLException {
        this.store = store;
        this.audioFileId = audioFileId;
        this.batchSize = batchSize;
        this.metadata = SampleRows.transcriptMetadata();
        this.request = NewTranscription.of(SampleRows.transcriptText(), "en").withModel(SampleRows.MODEL)
                .withConfidence(SampleRows.CONFIDENCE).withMetadata(metadata);
        this.items = Collections.nCopies(batchSize, TranscriptionItem.of(audioFileId, request));
        this.connection = postgres.connectRaw();
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
    }

    @Override
    public String title() {
        return "transcriptions, batch of " + batchSize + " (`transcriptions().addBatch`) vs JDBC batch";
    }

    @Override
    public String description() {
        return "Batch insert of transcriptions: ours is `store.transcriptions().addBatch` of " + batchSize + " items (about"
                + " 1 KiB each: 700 characters of text and three timed segments in the metadata), which reads the audio file"
                + " once, checks every item as `add` does (language, confidence, metadata size, segments in order and inside"
                + " the audio), inserts them in one transaction and invalidates the audio file's two cached lists; raw is a"
                + " JDBC batch of the same rows into the same table with the same INSERT text on one connection"
                + " (`reWriteBatchedInserts=true`), each row's metadata JSON written from the same `ObjectNode` with a plain"
                + " `ObjectMapper`, then `executeBatch` and `commit`.";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public int unitsPerOperation() {
        return batchSize;
    }

    @Override
    public String unit() {
        return "rows/s";
    }

    @Override
    public Operation ours() {
        return thread -> store.transcriptions().addBatch(items);
    }

    @Override
    public Operation raw() {
        return thread -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            for (int i = 0; i < batchSize; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, audioFileId);
                insert.setString(3, request.content());
                insert.setString(4, request.language());
                insert.setDouble(5, SampleRows.CONFIDENCE);
                insert.setObject(6, now);
                insert.setString(7, SampleRows.MODEL);
                insert.setString(8, rawMapper.writeValueAsString(metadata));
                insert.setObject(9, now);
                insert.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setNull(11, Types.VARCHAR);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        };
    }

    /** Removes this workload's rows (its audio file has no other dependents), so every window starts alike. */
    @Override
    public void afterWindow() throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM transcriptions WHERE audio_file_id = ?")) {
            delete.setObject(1, audioFileId);
            delete.executeUpdate();
        }
        connection.commit();
    }

    @Override
    public void close() {
        try (connection; insert) {
            afterWindow();
        } catch (SQLException e) {
            throw new IllegalStateException("could not clean up after " + title() + ": " + e.getMessage(), e);
        }
    }
}
