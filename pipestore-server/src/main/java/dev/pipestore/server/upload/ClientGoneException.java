package dev.pipestore.server.upload;

/**
 * The request body broke off before its end (the client disconnected or stalled past the idle timeout). Unchecked, so
 * that it passes through the library's ingest, which then removes its temporary file and stores nothing.
 */
public final class ClientGoneException extends RuntimeException {

    public ClientGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
