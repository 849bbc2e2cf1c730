package dev.pipestore.integrity;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing a {@link LiveDataCheck} found wrong.
 *
 * @param kind what is wrong
 * @param record {@code audio file} or {@code text document}; {@code null} for an orphan, which no record names
 * @param id the record's id; {@code null} for an orphan
 * @param objectKey the object the finding is about
 * @param detail what was found, for people
 */
public record Finding(Kind kind, String record, UUID id, String objectKey, String detail) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(detail, "detail");
    }

    /** What is wrong. */
    public enum Kind {
        /** A row whose object is gone: what invariant 2 forbids. */
        MISSING,
        /** The object's size is not the size its row recorded. */
        WRONG_SIZE,
        /** Read whole ({@code deep}), the object's bytes do not have the SHA-256 its row recorded. */
        DAMAGED,
        /** An object no row names, older than the grace period: what an interrupted ingest leaves, harmless. */
        ORPHAN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether a stored record's content is at stake; an orphan is only wasted space. */
        public boolean breaksARecord() {
            return this != ORPHAN;
        }
    }
}
