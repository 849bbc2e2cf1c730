package dev.pipestore.results;

import java.util.UUID;

/**
 * One item of a transcription batch ({@link TranscriptionService#addBatch}): a new transcription and the audio file it
 * transcribes. Items of one batch may name different audio files.
 *
 * @param audioFileId the audio file transcribed
 * @param transcription what to store, checked as {@link TranscriptionService#add} checks it
 */
public record TranscriptionItem(UUID audioFileId, NewTranscription transcription) {

    public static TranscriptionItem of(UUID audioFileId, NewTranscription transcription) {
        return new TranscriptionItem(audioFileId, transcription);
    }
}
