package dev.pipestore.results;

import java.util.UUID;

/**
 * One item of a transcription batch ({@link TranscriptionService#addBatch}): a new transcription and the audio file it
 * transcribes. Items of one batch may name different audio files.
 *
 * @param audioFileId the audio file transcribed
 * @param transcription what to store, checked as {@link TranscriptionService#add} checks it
 * @param idempotencyKey stores the item once per key, unique per audio file as for
 *     {@link TranscriptionService#add(UUID, NewTranscription, String)}; {@code null} for none
 */
public record TranscriptionItem(UUID audioFileId, NewTranscription transcription, String idempotencyKey) {

    /** An item without an idempotency key. */
    public TranscriptionItem(UUID audioFileId, NewTranscription transcription) {
        this(audioFileId, transcription, null);
    }

    public static TranscriptionItem of(UUID audioFileId, NewTranscription transcription) {
        return new TranscriptionItem(audioFileId, transcription, null);
    }

    /** An item a retried batch stores once: see {@link TranscriptionService#addBatch}. */
    public static TranscriptionItem of(UUID audioFileId, NewTranscription transcription, String idempotencyKey) {
        return new TranscriptionItem(audioFileId, transcription, idempotencyKey);
    }
}
