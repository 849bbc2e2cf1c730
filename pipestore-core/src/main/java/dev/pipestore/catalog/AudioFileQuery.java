package dev.pipestore.catalog;

import java.time.Instant;

/**
 * Filters for listing audio files; a {@code null} field does not filter.
 *
 * @param status only files in this status
 * @param createdFrom only files created at or after this instant
 * @param createdBefore only files created before this instant
 * @param language only files with this language tag
 */
public record AudioFileQuery(AudioStatus status, Instant createdFrom, Instant createdBefore, String language) {

    public AudioFileQuery {
        language = LanguageTags.normaliseOrNull("language", language);
    }

    public static AudioFileQuery all() {
        return new AudioFileQuery(null, null, null, null);
    }

    public AudioFileQuery withStatus(AudioStatus value) {
        return new AudioFileQuery(value, createdFrom, createdBefore, language);
    }

    public AudioFileQuery createdBetween(Instant from, Instant before) {
        return new AudioFileQuery(status, from, before, language);
    }

    public AudioFileQuery withLanguage(String value) {
        return new AudioFileQuery(status, createdFrom, createdBefore, value);
    }
}
