package dev.pipestore;

/** The request contradicts the current state: a refused status transition, a duplicate key, a lost race. */
public class ConflictException extends StoreException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
