package dev.pipestore.catalog.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text built in pieces with its parameters kept in the same order as their placeholders. */
final class SqlStatement {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends {@code text}, whose {@code ?} placeholders take {@code values} in order. */
    SqlStatement append(String text, Object... values) {
        sql.append(text);
        parameters.addAll(List.of(values));
        return this;
    }

    /** Appends another statement's text and parameters. */
    SqlStatement append(SqlStatement other) {
        sql.append(other.sql);
        parameters.addAll(other.parameters);
        return this;
    }

    String sql() {
        return sql.toString();
    }

    void bind(Binder binder) throws SQLException {
        for (Object value : parameters) {
            binder.value(value);
        }
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
