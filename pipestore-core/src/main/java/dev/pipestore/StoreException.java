package dev.pipestore;

/** Root of every failure pipestore reports; unchecked, and always says which input or backend was involved. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
