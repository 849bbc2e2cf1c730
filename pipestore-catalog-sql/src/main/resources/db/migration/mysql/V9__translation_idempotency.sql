-- As V8 for transcriptions: a retried translation carries the same idempotency key, unique per transcription.
ALTER TABLE translations ADD COLUMN idempotency_key VARCHAR(200) NULL;
CREATE UNIQUE INDEX ux_translations_idempotency ON translations (transcription_id, idempotency_key);
