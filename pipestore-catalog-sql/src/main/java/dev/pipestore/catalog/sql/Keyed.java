package dev.pipestore.catalog.sql;

/** A row of a batch and the idempotency key it is stored under, or {@code null} for none. */
record Keyed<T>(T row, String key) {}
