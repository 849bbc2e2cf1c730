-- Who uploaded each input: the uploading API key's id (or, through the Java library, whatever name the caller gives),
-- never a secret. NULL for rows from before this column and for uploads that named nobody. Ingest keys list and read
-- only their own uploads by it.
ALTER TABLE audio_files ADD COLUMN uploaded_by TEXT CHECK (length(uploaded_by) <= 100);
ALTER TABLE text_documents ADD COLUMN uploaded_by TEXT CHECK (length(uploaded_by) <= 100);

-- The server used to keep the uploader in metadata.uploaded_by. It moves into the column and leaves the metadata, so
-- the record has one answer to "who uploaded this". Values that are not short strings were never the server's: they stay.
UPDATE audio_files
    SET uploaded_by = json_extract(metadata, '$.uploaded_by'), metadata = json_remove(metadata, '$.uploaded_by')
    WHERE json_type(metadata, '$.uploaded_by') = 'text' AND length(json_extract(metadata, '$.uploaded_by')) <= 100;
UPDATE text_documents
    SET uploaded_by = json_extract(metadata, '$.uploaded_by'), metadata = json_remove(metadata, '$.uploaded_by')
    WHERE json_type(metadata, '$.uploaded_by') = 'text' AND length(json_extract(metadata, '$.uploaded_by')) <= 100;

CREATE INDEX ix_audio_files_uploaded_by_created ON audio_files (uploaded_by, created_at, id);
CREATE INDEX ix_text_documents_uploaded_by_created ON text_documents (uploaded_by, created_at, id);
