-- The orphan sweep asks, for each stored object, whether a row refers to it.
CREATE INDEX audio_files_object_key ON audio_files (object_key);
CREATE INDEX text_documents_object_key ON text_documents (object_key);
