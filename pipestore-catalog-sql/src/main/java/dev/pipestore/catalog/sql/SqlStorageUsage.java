package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.StorageTier;
import dev.pipestore.catalog.StorageTotal;
import dev.pipestore.catalog.StorageUsage;
import dev.pipestore.objectstore.DataType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Counts and sizes of the {@code audio_files} and {@code text_documents} rows per tier, in one connection. */
final class SqlStorageUsage implements StorageUsage {

    private final Database database;

    SqlStorageUsage(Database database) {
        this.database = database;
    }

    @Override
    public List<StorageTotal> storageTotals() {
        return database.run("total the stored audio and text", c -> {
            List<StorageTotal> totals = new ArrayList<>(totals(c, DataType.RAW_AUDIO, "audio_files"));
            totals.addAll(totals(c, DataType.RAW_TEXT, "text_documents"));
            return totals;
        });
    }

    private List<StorageTotal> totals(Connection connection, DataType type, String table) throws SQLException {
        // SUM is NUMERIC on PostgreSQL and DECIMAL on MariaDB; both read back as a long.
        return database.query(connection, "SELECT storage_tier, COUNT(*) AS objects, COALESCE(SUM(file_size), 0) AS bytes FROM "
                + table + " GROUP BY storage_tier", b -> {}, row -> new StorageTotal(type, StorageTier.parse(row.text("storage_tier")),
                        row.bigint("objects"), row.bigint("bytes")));
    }
}
