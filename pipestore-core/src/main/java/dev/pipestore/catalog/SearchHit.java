package dev.pipestore.catalog;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One search result: which transcription or translation matched, how well, and where.
 *
 * @param kind whether a transcription or a translation matched
 * @param id the matching transcription's or translation's id
 * @param audioFileId the audio file the text belongs to
 * @param transcriptionId for a translation, the transcription it translates; {@code null} for a transcription
 * @param language the text's language (a translation's target language), or {@code null}
 * @param modelVersion the model that produced the text, or {@code null}
 * @param createdAt when the text was stored
 * @param score relevance, higher is better; comparable within one search on one backend only
 * @param snippet an HTML fragment of the text around the match: matched words inside {@code <b>…</b>}, everything
 *     else HTML-escaped, so it is safe to insert into a page as is
 */
public record SearchHit(Kind kind, UUID id, UUID audioFileId, UUID transcriptionId, String language, String modelVersion,
        Instant createdAt, double score, String snippet) {

    /** What kind of text matched. */
    public enum Kind {
        TRANSCRIPTION,
        TRANSLATION;

        /** {@code transcription} or {@code translation}, as on the wire. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SearchHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audioFileId, "audioFileId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(snippet, "snippet");
        if (kind == Kind.TRANSLATION) {
            Objects.requireNonNull(transcriptionId, "transcriptionId");
        }
    }
}
