package dev.pipestore.benchmarks.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.driver.Operation;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.benchmarks.env.TemporaryPostgres;
import dev.pipestore.results.NewAnalysisResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A batch of analysis results through {@code PipeStore.results().addBatch} (which ends in the catalog's
 * {@code analysisResults().insertBatch}) against a raw JDBC batch of the same rows, in the same table, on one
 * connection with {@code reWriteBatchedInserts=true}; {@link TranscriptionBatchWorkload} is the same for transcriptions.
 */
public final class AnalysisBatchWorkload implements Workload {

    /** Same statement text as the catalog's, so both sides parse, plan and cast alike. */
    private static final String INSERT = "INSERT INTO analysis_results (id, audio_file_id, transcription_id, analysis_type,"
            + " result, confidence, model_version, created_at, idempotency_key) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)";

    private final PipeStore store;
    private final UUID audioFileId;
    private final UUID transcriptionId;
    private final int batchSize;
    private final List<NewAnalysisResult> requests;
    private final JsonNode result;
    private final ObjectMapper rawMapper = new ObjectMapper();
    private final Connection connection;
    private final PreparedStatement insert;

    public AnalysisBatchWorkload(PipeStore store, TemporaryPostgres postgres, UUID audioFileId, UUID transcriptionId,
            int batchSize) throws SQLException {
        this.store = store;
        this.audioFileId = audioFileId;
        this.transcriptionId = transcriptionId;
        this.batchSize = batchSize;
        this.result = SampleRows.analysisResult();
        this.requests = Collections.nCopies(batchSize, new NewAnalysisResult(audioFileId, transcriptionId,
                SampleRows.ANALYSIS_TYPE, result, SampleRows.CONFIDENCE, SampleRows.MODEL));
        this.connection = postgres.connectRaw();
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
    }

    @Override
    public String title() {
        return "analysis results, batch of " + batchSize + " (`results().addBatch`) vs JDBC batch";
    }

    @Override
    public String description() {
        return "Batch insert of analysis results: ours is `store.results().addBatch` of " + batchSize + " analysis results"
                + " (about 1 KiB of JSONB each), one transaction; raw is a JDBC batch of the same rows into the same table with the same INSERT text on one"
                + " connection (`reWriteBatchedInserts=true`), each row's JSON written from the same `JsonNode` with a plain"
                + " `ObjectMapper` (the raw client has the same input to turn into text), then `executeBatch` and `commit`.";
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
        return thread -> store.results().addBatch(requests);
    }

    @Override
    public Operation raw() {
        return thread -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            for (int i = 0; i < batchSize; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, audioFileId);
                insert.setObject(3, transcriptionId);
                insert.setString(4, SampleRows.ANALYSIS_TYPE);
                insert.setString(5, rawMapper.writeValueAsString(result));
                insert.setDouble(6, SampleRows.CONFIDENCE);
                insert.setString(7, SampleRows.MODEL);
                insert.setObject(8, now);
                insert.setNull(9, Types.VARCHAR);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        };
    }

    /** Empties the table, so every window inserts into indexes of the same size. */
    @Override
    public void afterWindow() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE analysis_results");
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
