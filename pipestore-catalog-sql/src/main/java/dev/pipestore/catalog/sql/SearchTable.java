package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.SearchHit;

/**
 * A searchable table, seen through the alias {@code t}, with the expressions that give every hit the same columns:
 * {@code id, audio_file_id, transcription_id, language, model_version, created_at}.
 */
enum SearchTable {
    TRANSCRIPTIONS(SearchHit.Kind.TRANSCRIPTION, "transcriptions", "", "language", "t.audio_file_id", "t.id"),
    TRANSLATIONS(SearchHit.Kind.TRANSLATION, "translations", " JOIN transcriptions p ON p.id = t.transcription_id",
            "target_language", "p.audio_file_id", "t.transcription_id");

    final SearchHit.Kind kind;
    final String table;
    /** What {@code t} is joined with to find the hit's audio file. */
    final String joins;
    /** The column holding the text's language: a translation is searched in its target language. */
    final String languageColumn;
    final String audioFileId;
    /** For a transcription its own id, which the hit does not report. */
    final String transcriptionId;

    SearchTable(SearchHit.Kind kind, String table, String joins, String languageColumn, String audioFileId,
            String transcriptionId) {
        this.kind = kind;
        this.table = table;
        this.joins = joins;
        this.languageColumn = languageColumn;
        this.audioFileId = audioFileId;
        this.transcriptionId = transcriptionId;
    }

    /** The FROM clause, binding the searched table to {@code t}. */
    String from() {
        return table + " t" + joins;
    }

    /** The hit columns every dialect selects, before its own score and snippet. */
    String hitColumns() {
        return "t.id, " + audioFileId + " AS audio_file_id, " + transcriptionId + " AS transcription_id, t." + languageColumn
                + " AS language, t.model_version, t.created_at";
    }
}
