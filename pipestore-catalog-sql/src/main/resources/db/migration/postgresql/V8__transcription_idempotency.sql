-- A worker that retries adding a transcription (after a timeout that may have hidden a commit) sends the same
-- idempotency key; one transcription per audio file carries a key.
ALTER TABLE transcriptions ADD COLUMN idempotency_key VARCHAR(200);
CREATE UNIQUE INDEX ux_transcriptions_idempotency ON transcriptions (audio_file_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
