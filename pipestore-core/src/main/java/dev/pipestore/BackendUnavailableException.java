package dev.pipestore;

/** A backend (object store, catalog, cache) did not answer or refused the connection; retrying later may succeed. */
public class BackendUnavailableException extends StoreException {

    private final String backend;

    public BackendUnavailableException(String backend, String message, Throwable cause) {
        super(backend + " unavailable: " + message, cause);
        this.backend = backend;
    }

    /** Which backend failed, for example {@code "catalog postgresql://127.0.0.1:5432/test"}. */
    public String backend() {
        return backend;
    }
}
