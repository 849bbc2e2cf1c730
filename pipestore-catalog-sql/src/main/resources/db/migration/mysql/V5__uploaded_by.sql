-- Who uploaded each input: the uploading API key's id (or, through the Java library, whatever name the caller gives),
-- never a secret. NULL for rows from before this column and for uploads that named nobody. Ingest keys list and read
-- only their own uploads by it.
ALTER TABLE audio_files
    ADD COLUMN uploaded_by VARCHAR(100),
    ADD KEY ix_audio_files_uploaded_by_created (uploaded_by, created_at, id);
ALTER TABLE text_documents
    ADD COLUMN uploaded_by VARCHAR(100),
    ADD KEY ix_text_documents_uploaded_by_created (uploaded_by, created_at, id);

-- The server used to keep the uploader in metadata.uploaded_by. It moves into the column and leaves the metadata, so
-- the record has one answer to "who uploaded this". Values that are not short strings were never the server's: they stay.
-- MariaDB and MySQL apply SET assignments left to right: uploaded_by is read before the metadata loses the field.
UPDATE audio_files
    SET uploaded_by = JSON_UNQUOTE(JSON_EXTRACT(metadata, '$.uploaded_by')), metadata = JSON_REMOVE(metadata, '$.uploaded_by')
    WHERE JSON_TYPE(JSON_EXTRACT(metadata, '$.uploaded_by')) = 'STRING'
        AND CHAR_LENGTH(JSON_UNQUOTE(JSON_EXTRACT(metadata, '$.uploaded_by'))) <= 100;
UPDATE text_documents
    SET uploaded_by = JSON_UNQUOTE(JSON_EXTRACT(metadata, '$.uploaded_by')), metadata = JSON_REMOVE(metadata, '$.uploaded_by')
    WHERE JSON_TYPE(JSON_EXTRACT(metadata, '$.uploaded_by')) = 'STRING'
        AND CHAR_LENGTH(JSON_UNQUOTE(JSON_EXTRACT(metadata, '$.uploaded_by'))) <= 100;
