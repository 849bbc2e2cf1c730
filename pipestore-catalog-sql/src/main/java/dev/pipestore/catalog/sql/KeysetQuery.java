package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.Cursor;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A filtered list, newest first, paged by keyset on ({@code created_at}, {@code id}): each page starts strictly after
 * the last row of the previous one, so rows inserted meanwhile neither repeat nor push others off a page.
 */
final class KeysetQuery {

    private final String table;
    private final String columns;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    KeysetQuery(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    /** Adds {@code column = value} unless {@code value} is {@code null}. */
    KeysetQuery equal(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = ?");
            values.add(value);
        }
        return this;
    }

    /** Keeps rows created in {@code [from, before)}; either bound may be {@code null}, and far-off bounds are clamped. */
    KeysetQuery createdBetween(Instant from, Instant before) {
        if (from != null) {
            conditions.add("created_at >= ?");
            values.add(bound(from));
        }
        if (before != null) {
            conditions.add("created_at < ?");
            values.add(bound(before));
        }
        return this;
    }

    /**
     * A bound in stored precision. Stored times are whole microseconds, so rounding a bound up keeps both
     * {@code >= from} and {@code < before} exact for callers who pass nanoseconds.
     */
    static Instant bound(Instant value) {
        if (value.isBefore(Binder.EARLIEST)) {
            return Binder.EARLIEST;
        }
        if (value.isAfter(Binder.LATEST)) {
            return Binder.LATEST;
        }
        Instant down = value.truncatedTo(ChronoUnit.MICROS);
        return down.equals(value) ? value : down.plus(1, ChronoUnit.MICROS);
    }

    /** Runs the query for one page; {@code cursorOf} gives the keyset position of a row. */
    <T> Page<T> page(Database database, String action, PageRequest request, Database.RowMapper<T> mapper,
            Function<T, Cursor> cursorOf) {
        List<String> where = new ArrayList<>(conditions);
        List<Object> parameters = new ArrayList<>(values);
        Cursor after = request.after();
        if (after != null) {
            // Spelled out rather than as a row comparison (created_at, id) < (?, ?): MariaDB does not use an index
            // for row comparisons, and this form lets all three use (created_at, id).
            where.add("(created_at < ? OR (created_at = ? AND id < ?))");
            Instant at = bound(after.createdAt());
            UUID id = after.id();
            parameters.add(at);
            parameters.add(at);
            parameters.add(id);
        }
        String sql = "SELECT " + columns + " FROM " + table + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, id DESC LIMIT " + (request.limit() + 1);
        List<T> rows = database.run(action, c -> database.query(c, sql, b -> {
            for (Object value : parameters) {
                b.value(value);
            }
        }, mapper));
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, request.limit());
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)).encode());
    }
}
