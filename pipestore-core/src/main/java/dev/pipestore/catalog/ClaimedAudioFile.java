package dev.pipestore.catalog;

import java.util.Objects;

/**
 * One audio file handed out by {@link AudioFiles#claim}, with the lease the claimer now holds on it.
 *
 * <p>The lease travels beside the record rather than inside {@link AudioFile}, so the many places that build audio
 * records are unaffected; {@link AudioFiles#lease} reads it back later.
 *
 * @param file the record, already in the status it was claimed into
 * @param lease the claimer's hold on it
 */
public record ClaimedAudioFile(AudioFile file, Lease lease) {

    public ClaimedAudioFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(lease, "lease");
    }
}
