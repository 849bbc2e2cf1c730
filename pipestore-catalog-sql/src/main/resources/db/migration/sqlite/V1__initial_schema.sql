-- pipestore catalog, embedded SQLite dialect.
-- A superset of the seed's schema (section 3.2): every seed table and column keeps its name and meaning.
-- STRICT tables so a value of the wrong type is refused rather than silently stored. UUIDs are lower-case
-- TEXT. Times are fixed-width ISO-8601 UTC text with microseconds (2026-11-28T10:15:30.123456Z) so that text
-- order is time order and keyset pagination can compare them as strings. For the same reason the seed's
-- DEFAULT CURRENT_TIMESTAMP is written as the strftime below: CURRENT_TIMESTAMP itself yields
-- '2026-11-28 10:15:30', which would sort before every application-written time of the same second.
-- JSON is TEXT checked with json_valid. Deletes never cascade: removing a parent with dependents must fail.

CREATE TABLE audio_files (
    id TEXT NOT NULL PRIMARY KEY,
    file_path TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    duration_seconds INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    format TEXT NOT NULL,
    status TEXT NOT NULL,
    metadata TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
    content_sha256 TEXT NOT NULL,
    original_name TEXT,
    object_key TEXT NOT NULL,
    storage_tier TEXT NOT NULL DEFAULT 'standard',
    duration_precise REAL NOT NULL,
    sample_rate INTEGER,
    channels INTEGER,
    language TEXT CHECK (length(language) <= 35),
    idempotency_key TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    archived_at TEXT,
    CONSTRAINT ck_audio_files_status CHECK (status IN
        ('uploaded', 'processing', 'transcribed', 'translated', 'analyzed', 'failed', 'archived')),
    CONSTRAINT ck_audio_files_storage_tier CHECK (storage_tier IN ('standard', 'archive')),
    CONSTRAINT ck_audio_files_file_size CHECK (file_size >= 0)
) STRICT;
CREATE UNIQUE INDEX uq_audio_files_idempotency_key ON audio_files (idempotency_key);
CREATE INDEX ix_audio_files_status_created ON audio_files (status, created_at, id);
CREATE INDEX ix_audio_files_created ON audio_files (created_at, id);
CREATE INDEX ix_audio_files_language_created ON audio_files (language, created_at, id);
CREATE INDEX ix_audio_files_content_sha256 ON audio_files (content_sha256, created_at);

CREATE TABLE text_documents (
    id TEXT NOT NULL PRIMARY KEY,
    file_path TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    metadata TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
    content_sha256 TEXT NOT NULL,
    original_name TEXT,
    object_key TEXT NOT NULL,
    storage_tier TEXT NOT NULL DEFAULT 'standard',
    language TEXT CHECK (length(language) <= 35),
    idempotency_key TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    archived_at TEXT,
    CONSTRAINT ck_text_documents_storage_tier CHECK (storage_tier IN ('standard', 'archive')),
    CONSTRAINT ck_text_documents_file_size CHECK (file_size >= 0)
) STRICT;
CREATE UNIQUE INDEX uq_text_documents_idempotency_key ON text_documents (idempotency_key);
CREATE INDEX ix_text_documents_created ON text_documents (created_at, id);
CREATE INDEX ix_text_documents_language_created ON text_documents (language, created_at, id);
CREATE INDEX ix_text_documents_content_sha256 ON text_documents (content_sha256, created_at);

CREATE TABLE transcriptions (
    id TEXT NOT NULL PRIMARY KEY,
    audio_file_id TEXT NOT NULL CONSTRAINT fk_transcriptions_audio_file REFERENCES audio_files (id),
    content TEXT NOT NULL,
    language TEXT CHECK (length(language) <= 35),
    confidence REAL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    model_version TEXT,
    metadata TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    archived_at TEXT
) STRICT;
CREATE INDEX ix_transcriptions_created ON transcriptions (created_at, id);
CREATE INDEX ix_transcriptions_audio_file_created ON transcriptions (audio_file_id, created_at);
CREATE INDEX ix_transcriptions_audio_file_model ON transcriptions (audio_file_id, model_version, created_at);
CREATE INDEX ix_transcriptions_language_created ON transcriptions (language, created_at);
CREATE INDEX ix_transcriptions_model_created ON transcriptions (model_version, created_at);

CREATE TABLE translations (
    id TEXT NOT NULL PRIMARY KEY,
    transcription_id TEXT NOT NULL CONSTRAINT fk_translations_transcription REFERENCES transcriptions (id),
    content TEXT NOT NULL,
    source_language TEXT CHECK (length(source_language) <= 35),
    target_language TEXT NOT NULL CHECK (length(target_language) <= 35),
    confidence REAL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    model_version TEXT,
    metadata TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    archived_at TEXT
) STRICT;
CREATE INDEX ix_translations_created ON translations (created_at, id);
CREATE INDEX ix_translations_transcription_target ON translations (transcription_id, target_language, created_at);
CREATE INDEX ix_translations_target_created ON translations (target_language, created_at);
CREATE INDEX ix_translations_model_created ON translations (model_version, created_at);

CREATE TABLE analysis_results (
    id TEXT NOT NULL PRIMARY KEY,
    audio_file_id TEXT CONSTRAINT fk_analysis_results_audio_file REFERENCES audio_files (id),
    transcription_id TEXT CONSTRAINT fk_analysis_results_transcription REFERENCES transcriptions (id),
    analysis_type TEXT NOT NULL,
    result TEXT NOT NULL CHECK (json_valid(result)),
    confidence REAL,
    model_version TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    CONSTRAINT ck_analysis_results_subject CHECK (audio_file_id IS NOT NULL OR transcription_id IS NOT NULL)
) STRICT;
CREATE INDEX ix_analysis_results_created ON analysis_results (created_at, id);
CREATE INDEX ix_analysis_results_audio_file_created ON analysis_results (audio_file_id, created_at);
CREATE INDEX ix_analysis_results_transcription_created ON analysis_results (transcription_id, created_at);
CREATE INDEX ix_analysis_results_type_created ON analysis_results (analysis_type, created_at);
