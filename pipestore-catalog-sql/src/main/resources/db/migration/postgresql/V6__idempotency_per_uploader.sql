-- An idempotency key belongs to its uploader: two uploaders may pick the same key string without meeting. Rows that
-- name no uploader share one scope (''; a stored uploader is never blank). The key leads the index so that a lookup
-- by key alone still finds it, and rows without a key stay out of it.
CREATE UNIQUE INDEX uq_audio_files_uploader_idempotency_key
    ON audio_files (idempotency_key, (COALESCE(uploaded_by, ''))) WHERE idempotency_key IS NOT NULL;
DROP INDEX uq_audio_files_idempotency_key;

CREATE UNIQUE INDEX uq_text_documents_uploader_idempotency_key
    ON text_documents (idempotency_key, (COALESCE(uploaded_by, ''))) WHERE idempotency_key IS NOT NULL;
DROP INDEX uq_text_documents_idempotency_key;
