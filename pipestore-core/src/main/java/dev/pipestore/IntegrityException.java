package dev.pipestore;

/** Stored data does not match what was written: a checksum mismatch, a row pointing at a missing object. */
public class IntegrityException extends StoreException {

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
