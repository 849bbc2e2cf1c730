package dev.pipestore.metrics;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.ConflictException;
import dev.pipestore.IntegrityException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import java.util.Locale;

/** How an operation ended, as the {@code outcome} tag says it: success or the kind of failure, never its message. */
enum Outcome {
    SUCCESS,
    NOT_FOUND,
    INVALID,
    CONFLICT,
    INTEGRITY,
    UNAVAILABLE,
    ERROR;

    private final String tag = name().toLowerCase(Locale.ROOT);

    String tag() {
        return tag;
    }

    static Outcome of(Throwable failure) {
        return switch (failure) {
            case NotFoundException e -> NOT_FOUND;
            case InvalidInputException e -> INVALID;
            case ConflictException e -> CONFLICT;
            case IntegrityException e -> INTEGRITY;
            case BackendUnavailableException e -> UNAVAILABLE;
            default -> ERROR;
        };
    }
}
