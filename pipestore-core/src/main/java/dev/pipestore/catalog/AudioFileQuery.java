package dev.pipestore.catalog;

import java.time.Instant;

/**
 * Filters for listing audio files; a {@code null} field does not filter.
 *
 * @param status only files in this status
 * @param createdFrom only files created at or after this instant
 * @param createdBefore only files created before this instant
 * @param language only files with this language tag
 * @param uploadedBy only files this uploader uploaded
 */
public record AudioFileQuery(AudioStatus status, Instant createdFrom, Instant createdBefore, String language, String uploadedBy) {

    public AudioFileQuery {
        language = LanguageTags.normaliseOrNull("language", language);
        uploadedBy = Fields.uploader(uploadedBy);
    }

    /** Filters without an uploader. */
    public AudioFileQuery(AudioStatus status, Instant createdFrom, Instant createdBefore, String language) {
        this(status, createdFrom, createdBefore, language, null);
    }

    public static AudioFileQuery all() {
        return new AudioFileQuery(null, null, null, null, null);
    }

    public AudioFileQuery withStatus(AudioStatus value) {
        return new AudioFileQuery(value, createdFrom, createdBefore, language, uploadedBy);
    }

    public AudioFileQuery createdBetween(Instant from, Instant before) {
        return new AudioFileQuery(status, from, before, language, uploadedBy);
    }

    public AudioFileQuery withLanguage(String value) {
        return new AudioFileQuery(status, createdFrom, createdBefore, value, uploadedBy);
    }

    public AudioFileQuery withUploadedBy(String value) {
        return new AudioFileQuery(status, createdFrom, createdBefore, language, value);
    }
}
