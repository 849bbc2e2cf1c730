package dev.pipestore.results;

import java.util.UUID;

/** The cache keys of cached reads, in one place so writers invalidate exactly what readers fill. */
final class CacheKeys {

    private CacheKeys() {}

    static String transcription(UUID id) {
        return "transcription:" + id;
    }

    static String transcriptionsOf(UUID audioFileId) {
        return "audio:" + audioFileId + ":transcriptions";
    }

    /** The first page, of the default size, of {@link #transcriptionsOf}: what a worker over HTTP asks for first. */
    static String firstTranscriptionPageOf(UUID audioFileId) {
        return "audio:" + audioFileId + ":transcriptions:page1";
    }

    static String latestTranscriptionsOf(UUID audioFileId) {
        return "audio:" + audioFileId + ":transcriptions:latest";
    }

    static String translation(UUID id) {
        return "translation:" + id;
    }

    /** Translations of a transcription into {@code targetLanguage}, or into every language when it is {@code null}. */
    static String translationsOf(UUID transcriptionId, String targetLanguage) {
        return "transcription:" + transcriptionId + ":translations:" + (targetLanguage == null ? "*" : targetLanguage);
    }

    /** The first page, of the default size, of {@link #translationsOf}. */
    static String firstTranslationPageOf(UUID transcriptionId, String targetLanguage) {
        return translationsOf(transcriptionId, targetLanguage) + ":page1";
    }
}
