package dev.pipestore.catalog.sql;

import dev.pipestore.ConflictException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A statement broke a unique or foreign-key constraint. Repositories catch it to say which key or parent was at
 * fault; one that reaches the caller unconverted is still a conflict.
 */
final class ConstraintViolation extends ConflictException {

    private final Dialect.Violation kind;
    private final String detail;

    ConstraintViolation(Dialect.Violation kind, String message, SQLException cause) {
        super(message, cause);
        this.kind = kind;
        this.detail = chainText(cause);
    }

    Dialect.Violation kind() {
        return kind;
    }

    boolean isUnique() {
        return kind == Dialect.Violation.UNIQUE;
    }

    boolean isForeignKey() {
        return kind == Dialect.Violation.FOREIGN_KEY;
    }

    /**
     * Whether the driver named {@code column} (or a constraint named after it) as the one broken. The three databases
     * name it differently (constraint uq_audio_files_idempotency_key, key 'uq_...', audio_files.idempotency_key), but
     * each mentions the column's name, which our constraint names contain.
     */
    boolean concerns(String column) {
        return detail.contains(column.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the unique index on {@code (audio_file_id, idempotency_key)} of {@code table} was broken. Named by its index
     * (PostgreSQL, MariaDB) or its columns (SQLite), never by the column alone: a failed batch's message quotes the
     * statement, which lists the column.
     */
    boolean concernsIdempotencyIndexOf(String table) {
        return concerns("ux_" + table + "_idempotency") || concerns(table + ".idempotency_key");
    }

    private static String chainText(SQLException cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A failed batch's own message may quote its statement with the rows' values, which could name anything;
            // the database's words are in the exception it chains.
            boolean quotesRows = t instanceof BatchUpdateException batch
                    && (batch.getNextException() != null || batch.getCause() != null);
            if (!quotesRows) {
                text.append(t.getMessage()).append('\n');
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                text.append(sql.getNextException().getMessage()).append('\n');
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
