package dev.pipestore.catalog.sql;

import dev.pipestore.InvalidInputException;

/**
 * One statement was more than the database takes in one message (MariaDB's {@code max_allowed_packet}): a fault of
 * that write, not of the database. The writer that knows which of its values is the large one renames the field.
 */
final class StatementTooLarge extends InvalidInputException {

    StatementTooLarge(String message, Throwable cause) {
        super("value", message, cause);
    }
}
