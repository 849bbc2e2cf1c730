package dev.pipestore.benchmarks.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.driver.Operation;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.benchmarks.env.TemporaryPostgres;
import dev.pipestore.results.NewTranscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Transcriptions written the only way pipestore offers, one {@code transcriptions().add} after another, against a raw
 * JDBC batch of the same rows: what a batch API for transcriptions would be worth.
 */
public final class TranscriptionLoopWorkload implements Workload {

    private static final String INSERT = "INSERT INTO transcriptions (id, audio_file_id, content, language, confidence,"
            + " created_at, model_version, metadata, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";

    private final PipeStore store;
    private final UUID audioFileId;
    private final int batchSize;
    private final NewTranscription request;
    private final ObjectNode metadata;
    private final ObjectMapper rawMapper = new ObjectMapper();
    private final Connection connection;
    private final PreparedStatement insert;

    public TranscriptionLoopWorkload(PipeStore store, TemporaryPostgres postgres, UUID audioFileId, int batchSize)
            throws SQLException {
        this.store = store;
        this.audioFileId = audioFileId;
        this.batchSize = batchSize;
        this.metadata = SampleRows.transcriptMetadata();
        this.request = NewTranscription.of(SampleRows.transcriptText(), "en").withModel(SampleRows.MODEL)
                .withConfidence(SampleRows.CONFIDENCE).withMetadata(metadata);
        this.connection = postgres.connectRaw();
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
    }

    @Override
    public String title() {
        return "transcriptions, " + batchSize + " × `transcriptions().add` (no batch API) vs JDBC batch of " + batchSize;
    }

    @Override
    public String description() {
        return "Transcriptions, for information: " + batchSize + " calls of `store.transcriptions().add` (each checks the audio"
                + " file, inserts and commits one row, and invalidates two cache keys) against one raw JDBC batch of the same "
                + batchSize + " rows (about 1 KiB each, metadata JSON written per row with a plain `ObjectMapper`) in one"
                + " transaction. This is what a batch API for transcriptions would"
                + " be worth; it is not a like-for-like comparison.";
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
        return thread -> {
            for (int i = 0; i < batchSize; i++) {
                store.transcriptions().add(audioFileId, request);
            }
        };
    }

    @Override
    public Operation raw() {
        return thread -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            for (int i = 0; i < batchSize; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, audioFileId);
                insert.setString(3, request.content());
                insert.setString(4, "en");
                insert.setDouble(5, SampleRows.CONFIDENCE);
                insert.setObject(6, now);
                insert.setString(7, SampleRows.MODEL);
                insert.setString(8, rawMapper.writeValueAsString(metadata));
                insert.setObject(9, now);
                insert.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
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
