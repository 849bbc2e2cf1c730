-- An idempotency key belongs to its uploader: two uploaders may pick the same key string without meeting. Rows that
-- name no uploader share one scope (''; a stored uploader is never blank). MariaDB has no index on an expression, so
-- the scope is a stored generated column (MySQL accepts the same syntax). The key leads the index so that a lookup by
-- key alone still finds it; rows without a key never collide, as NULLs are distinct in a unique index.
ALTER TABLE audio_files
    ADD COLUMN idempotency_scope VARCHAR(100) GENERATED ALWAYS AS (COALESCE(uploaded_by, '')) STORED,
    ADD UNIQUE KEY uq_audio_files_uploader_idempotency_key (idempotency_key, idempotency_scope),
    DROP KEY uq_audio_files_idempotency_key;
ALTER TABLE text_documents
    ADD COLUMN idempotency_scope VARCHAR(100) GENERATED ALWAYS AS (COALESCE(uploaded_by, '')) STORED,
    ADD UNIQUE KEY uq_text_documents_uploader_idempotency_key (idempotency_key, idempotency_scope),
    DROP KEY uq_text_documents_idempotency_key;
