-- A result on a transcription belongs to that transcription's audio file too: rows written before the service filled
-- in audio_file_id get it now, so the audio file's results list them.
UPDATE analysis_results
SET audio_file_id = (SELECT t.audio_file_id FROM transcriptions t WHERE t.id = analysis_results.transcription_id)
WHERE audio_file_id IS NULL AND transcription_id IS NOT NULL;
