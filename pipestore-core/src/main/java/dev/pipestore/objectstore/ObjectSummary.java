package dev.pipestore.objectstore;

import java.time.Instant;

/** One entry of a listing: key, size and when it was stored. */
public record ObjectSummary(String key, long size, Instant lastModified) {}
