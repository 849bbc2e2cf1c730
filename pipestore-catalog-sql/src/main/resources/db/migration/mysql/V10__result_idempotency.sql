-- As V8 for transcriptions: an analysis result of a retried batch carries the same idempotency key, unique per audio
-- file (every result names its audio file since V7). A unique index allows any number of NULLs here.
ALTER TABLE analysis_results ADD COLUMN idempotency_key VARCHAR(200) NULL;
CREATE UNIQUE INDEX ux_analysis_results_idempotency ON analysis_results (audio_file_id, idempotency_key);
