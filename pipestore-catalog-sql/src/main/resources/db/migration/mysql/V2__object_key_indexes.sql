-- The orphan sweep asks, for each stored object, whether a row refers to it.
-- A prefix index: InnoDB keys stop at 3072 bytes, and pipestore's keys stay well under 255 characters.
CREATE INDEX audio_files_object_key ON audio_files (object_key(255));
CREATE INDEX text_documents_object_key ON text_documents (object_key(255));
