package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileDeletion;
import dev.pipestore.catalog.AudioFileDeletion.DeletedTranslation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deletes an audio file with everything that refers to it, children before parents, in one transaction.
 *
 * <p>The file's row is locked first and its transcriptions next. A concurrent insert of a transcription, translation
 * or result checks its foreign key against one of those rows, so it waits for this transaction and then finds its
 * parent gone, rather than slipping a new child in between a child's delete and its parent's (which would fail the
 * whole deletion on a foreign key). SQLite holds its single write lock from the start instead.
 */
final class AudioCascade {

    private static final String TRANSCRIPTIONS_OF_FILE = "SELECT id FROM transcriptions WHERE audio_file_id = ?";

    private final Database database;
    private final String selectFile;
    private final String lock;

    /** @param selectFile selects the audio file's row; {@code WHERE id = ?} is appended */
    AudioCascade(Database database, String selectFile) {
        this.database = database;
        this.selectFile = selectFile;
        this.lock = database.dialect().forUpdate();
    }

    Optional<AudioFileDeletion> delete(UUID id) {
        return database.inTransaction("delete audio file " + id + " with its transcriptions,"
                + " translations and analysis results", c -> {
            Optional<AudioFile> file = database.queryOne(c, selectFile + " WHERE id = ?" + lock, b -> b.uuid(id),
                    SqlAudioFiles::map);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            List<UUID> transcriptions = database.query(c, TRANSCRIPTIONS_OF_FILE + lock, b -> b.uuid(id),
                    row -> row.uuid("id"));
            List<DeletedTranslation> translations = database.query(c,
                    "SELECT id, transcription_id, target_language FROM translations WHERE transcription_id IN ("
                            + TRANSCRIPTIONS_OF_FILE + ")" + lock, b -> b.uuid(id),
                    row -> new DeletedTranslation(row.uuid("id"), row.uuid("transcription_id"), row.text("target_language")));
            int results = database.update(c, "DELETE FROM analysis_results WHERE audio_file_id = ? OR transcription_id IN ("
                    + TRANSCRIPTIONS_OF_FILE + ")", b -> b.uuid(id).uuid(id));
            database.update(c, "DELETE FROM translations WHERE transcription_id IN (" + TRANSCRIPTIONS_OF_FILE + ")",
                    b -> b.uuid(id));
            database.update(c, "DELETE FROM transcriptions WHERE audio_file_id = ?", b -> b.uuid(id));
            database.update(c, "DELETE FROM audio_files WHERE id = ?", b -> b.uuid(id));
            return Optional.of(new AudioFileDeletion(file.get(), transcriptions, translations, results));
        });
    }
}
