package dev.pipestore.catalog.sql;

import dev.pipestore.ConflictException;
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

    private static String chainText(SQLException cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                text.append(sql.getNextException().getMessage()).append('\n');
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
