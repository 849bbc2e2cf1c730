package dev.pipestore.catalog;

import java.util.Objects;
import java.util.UUID;

/**
 * An idempotency key of a transcription or an analysis result, which is unique per audio file: two workers may use
 * the same key string for different audio files.
 *
 * @param audioFileId the audio file the keyed row belongs to
 * @param value the key the caller chose, checked by {@link Fields#idempotencyKey}
 */
public record IdempotencyKey(UUID audioFileId, String value) {

    public IdempotencyKey {
        Objects.requireNonNull(audioFileId, "audioFileId");
        Objects.requireNonNull(value, "value");
    }
}
