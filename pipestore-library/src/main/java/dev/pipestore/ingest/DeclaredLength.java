package dev.pipestore.ingest;

/**
 * An upload stream that knows how many bytes its sender declared, an HTTP {@code Content-Length} for example. Ingest
 * sizes what holds the upload by it (one array of that size, or a temporary file from the start when it is too large
 * for memory); the bytes that arrive still decide what is stored, so a wrong declaration costs a copy, never a wrong
 * object.
 */
public interface DeclaredLength {

    /** The bytes still to come as declared, or -1 when the sender did not say. */
    long declaredRemaining();
}
