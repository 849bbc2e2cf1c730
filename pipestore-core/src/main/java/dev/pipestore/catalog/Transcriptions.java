package dev.pipestore.catalog;

import dev.pipestore.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of transcription rows. */
public interface Transcriptions {

    /**
     * @throws NotFoundException when the audio file does not exist
     * @throws dev.pipestore.ConflictException when the id is already taken
     */
    Transcription insert(Transcription transcription);

    Optional<Transcription> find(UUID id);

    default Transcription get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("transcription", id.toString()));
    }

    /** Every transcription of the audio file, newest first. */
    List<Transcription> listForAudioFile(UUID audioFileId);

    /** The newest transcription of the audio file for each model version (a {@code null} model version counts as one). */
    List<Transcription> latestPerModelVersion(UUID audioFileId);

    /** Newest first. */
    Page<Transcription> list(TranscriptionQuery query, PageRequest page);
}
