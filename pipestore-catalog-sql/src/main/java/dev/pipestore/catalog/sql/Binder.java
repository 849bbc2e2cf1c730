package dev.pipestore.catalog.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.StorageTier;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Binds a statement's parameters in order, the way the dialect stores each type. */
final class Binder {

    /** The range every dialect stores exactly: MariaDB's DATETIME and SQLite's fixed-width text end at year 9999. */
    static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final Dialect dialect;
    private final PreparedStatement statement;
    private int index = 1;

    Binder(Dialect dialect, PreparedStatement statement) {
        this.dialect = dialect;
        this.statement = statement;
    }

    /** Rounds down to what every catalog stores (microseconds) and refuses instants no dialect can hold. */
    static Instant storable(String field, Instant value) {
        if (value == null) {
            return null;
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidInputException(field, value + " is outside the years 1000 to 9999 the catalog stores");
        }
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    Binder uuid(UUID value) throws SQLException {
        dialect.setUuid(statement, index++, value);
        return this;
    }

    Binder text(String value) throws SQLException {
        // A backstop: the records name their fields when they refuse such text first.
        Fields.requireStorableText("text", value);
        statement.setString(index++, value);
        return this;
    }

    Binder bigint(long value) throws SQLException {
        statement.setLong(index++, value);
        return this;
    }

    Binder integer(Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index++, Types.INTEGER);
        } else {
            statement.setInt(index++, value);
        }
        return this;
    }

    Binder real(Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index++, Types.DOUBLE);
        } else {
            statement.setDouble(index++, value);
        }
        return this;
    }

    /** An instant already made {@link #storable}. */
    Binder instant(Instant value) throws SQLException {
        dialect.setInstant(statement, index++, value);
        return this;
    }

    /** Any JSON value, as compact text; the SQL must use {@link Dialect#jsonParameter()} here. */
    Binder json(JsonNode value) throws SQLException {
        String json = value == null ? null : Metadata.toJson(value);
        Metadata.requireStorableJson("result", json);
        statement.setString(index++, json);
        return this;
    }

    /** A metadata object, refused when larger than {@link Metadata#MAX_BYTES}. */
    Binder metadata(JsonNode value) throws SQLException {
        String json = Metadata.toJson(value);
        Metadata.requireStorableJson("metadata", json);
        if (json.getBytes(StandardCharsets.UTF_8).length > Metadata.MAX_BYTES) {
            throw new InvalidInputException("metadata", "larger than " + Metadata.MAX_BYTES + " bytes");
        }
        statement.setString(index++, json);
        return this;
    }

    /** A filter value of any type the catalog's queries use. */
    Binder value(Object value) throws SQLException {
        return switch (value) {
            case UUID id -> uuid(id);
            case Instant instant -> instant(instant);
            case String text -> text(text);
            case Integer number -> integer(number);
            case Long number -> bigint(number);
            case Double number -> real(number);
            case AudioStatus status -> text(status.wireName());
            case StorageTier tier -> text(tier.wireName());
            default -> throw new IllegalArgumentException("no binding for " + value.getClass().getName());
        };
    }
}
