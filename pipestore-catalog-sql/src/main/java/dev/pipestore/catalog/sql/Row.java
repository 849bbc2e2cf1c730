package dev.pipestore.catalog.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.Metadata;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** The current row of a result set, read the way the dialect stores each type. */
final class Row {

    private final Dialect dialect;
    private final ResultSet rows;

    Row(Dialect dialect, ResultSet rows) {
        this.dialect = dialect;
        this.rows = rows;
    }

    UUID uuid(String column) throws SQLException {
        return dialect.getUuid(rows, column);
    }

    Instant instant(String column) throws SQLException {
        return dialect.getInstant(rows, column);
    }

    String text(String column) throws SQLException {
        return rows.getString(column);
    }

    long bigint(String column) throws SQLException {
        return rows.getLong(column);
    }

    int integer(String column) throws SQLException {
        return rows.getInt(column);
    }

    Integer integerOrNull(String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    double real(String column) throws SQLException {
        return rows.getDouble(column);
    }

    Double realOrNull(String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    /** Any JSON value, parsed with the shared mapper so numbers keep their exact form. */
    JsonNode json(String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : Metadata.parseStored(text);
    }

    /** A metadata object; {@code null} in rows written by other tools reads as empty. */
    ObjectNode object(String column) throws SQLException {
        JsonNode node = json(column);
        if (node == null || node.isNull()) {
            return Metadata.empty();
        }
        if (!node.isObject()) {
            throw new StoreException("catalog column " + column + " holds " + node.getNodeType() + " where a JSON object belongs");
        }
        return (ObjectNode) node;
    }
}
