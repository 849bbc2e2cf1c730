package dev.pipestore.ingest;

import dev.pipestore.objectstore.DataType;

/**
 * Told how each audio or text ingest ended, for metrics. Called on the ingesting thread: implementations are quick
 * and never throw. Every method does nothing by default.
 */
public interface IngestListener {

    /** Listens to nothing. */
    IngestListener NONE = new IngestListener() {};

    /** A new object and its row were stored. */
    default void stored(DataType type, long bytes) {}

    /** An earlier ingest of the same content was returned (same idempotency key or content hash); nothing was stored. */
    default void deduplicated(DataType type) {}

    /** The ingest threw {@code failure}: input refused, a conflict, or a backend that failed. Nothing was acknowledged. */
    default void failed(DataType type, RuntimeException failure) {}
}
