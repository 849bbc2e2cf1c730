package dev.pipestore.catalog;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link AudioFiles#deleteWithDependents} removed: the audio file's row and every row that referred to it. The ids
 * let the caller drop what it cached of them; the row names the object left to delete.
 *
 * @param file the audio file's row as it was
 * @param transcriptionIds its transcriptions
 * @param translations the translations of those transcriptions
 * @param analysisResults how many analysis results, of the file or of its transcriptions
 */
public record AudioFileDeletion(AudioFile file, List<UUID> transcriptionIds, List<DeletedTranslation> translations,
        int analysisResults) {

    public AudioFileDeletion {
        Objects.requireNonNull(file, "file");
        transcriptionIds = List.copyOf(transcriptionIds);
        translations = List.copyOf(translations);
    }

    /** A deletion of a file nothing referred to. */
    public static AudioFileDeletion ofFileAlone(AudioFile file) {
        return new AudioFileDeletion(file, List.of(), List.of(), 0);
    }

    /**
     * One deleted translation, with what its cached lists are keyed by.
     *
     * @param id the translation
     * @param transcriptionId the transcription it translated
     * @param targetLanguage the language it was in
     */
    public record DeletedTranslation(UUID id, UUID transcriptionId, String targetLanguage) {}
}
