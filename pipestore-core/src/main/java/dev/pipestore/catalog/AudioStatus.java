package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an audio file is in the pipeline (the seed's {@code status} column), and which moves are allowed.
 *
 * <pre>
 * uploaded -> processing -> transcribed -> translated -> analyzed
 *     any of those -> failed;  failed -> uploaded (retry);  processing -> uploaded (lease given back)
 *     uploaded, transcribed, translated, analyzed, failed -> archived -> uploaded (rehydrated)
 * </pre>
 */
public enum AudioStatus {
    UPLOADED,
    PROCESSING,
    TRANSCRIBED,
    TRANSLATED,
    ANALYZED,
    FAILED,
    ARCHIVED;

    /** The value stored in the catalog and used on the wire: the lower-case name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a file in this status may move to {@code next}. */
    public boolean canMoveTo(AudioStatus next) {
        return allowedNext().contains(next);
    }

    /** The statuses a file in this status may move to. */
    public Set<AudioStatus> allowedNext() {
        return switch (this) {
            case UPLOADED -> EnumSet.of(PROCESSING, TRANSCRIBED, FAILED, ARCHIVED);
            case PROCESSING -> EnumSet.of(UPLOADED, TRANSCRIBED, TRANSLATED, ANALYZED, FAILED);
            case TRANSCRIBED -> EnumSet.of(PROCESSING, TRANSLATED, ANALYZED, FAILED, ARCHIVED);
            case TRANSLATED -> EnumSet.of(PROCESSING, ANALYZED, FAILED, ARCHIVED);
            case ANALYZED -> EnumSet.of(PROCESSING, FAILED, ARCHIVED);
            case FAILED -> EnumSet.of(UPLOADED, ARCHIVED);
            case ARCHIVED -> EnumSet.of(UPLOADED);
        };
    }

    /** Parses a wire name, case-insensitively. */
    public static AudioStatus parse(String value) {
        if (value != null) {
            for (AudioStatus status : values()) {
                if (status.wireName().equalsIgnoreCase(value.strip())) {
                    return status;
                }
            }
        }
        String known = Arrays.stream(values()).map(AudioStatus::wireName).collect(Collectors.joining(", "));
        throw new InvalidInputException("status", "unknown status '" + value + "', expected one of " + known);
    }
}
