-- pipestore catalog, PostgreSQL dialect.
-- A superset of the seed's schema (section 3.2): every seed table and column keeps its name, type and meaning.
-- Columns the seed left nullable but that pipestore always fills (created_at, the parent keys, target_language)
-- are NOT NULL so the database itself enforces what the records promise. Deletes never cascade: removing a
-- parent that still has dependents must fail, because the dependents' objects would be orphaned.
-- The application writes created_at/updated_at itself (microsecond instants) so a row reads back exactly as
-- written; the seed's DEFAULT CURRENT_TIMESTAMP stays for rows written by other tools.

CREATE TABLE audio_files (
    id UUID PRIMARY KEY,
    file_path VARCHAR(255) NOT NULL,
    file_size BIGINT NOT NULL,
    duration_seconds INT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    format VARCHAR(10) NOT NULL,
    status VARCHAR(20) NOT NULL,
    metadata JSONB,
    content_sha256 VARCHAR(64) NOT NULL,
    original_name TEXT,
    object_key VARCHAR(1024) NOT NULL,
    storage_tier VARCHAR(16) NOT NULL DEFAULT 'standard',
    duration_precise DOUBLE PRECISION NOT NULL,
    sample_rate INT,
    channels INT,
    language VARCHAR(35),
    idempotency_key VARCHAR(200),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    archived_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_audio_files_status CHECK (status IN
        ('uploaded', 'processing', 'transcribed', 'translated', 'analyzed', 'failed', 'archived')),
    CONSTRAINT ck_audio_files_storage_tier CHECK (storage_tier IN ('standard', 'archive')),
    CONSTRAINT ck_audio_files_file_size CHECK (file_size >= 0)
);
CREATE UNIQUE INDEX uq_audio_files_idempotency_key ON audio_files (idempotency_key);
CREATE INDEX ix_audio_files_status_created ON audio_files (status, created_at, id);
CREATE INDEX ix_audio_files_created ON audio_files (created_at, id);
CREATE INDEX ix_audio_files_language_created ON audio_files (language, created_at, id);
CREATE INDEX ix_audio_files_content_sha256 ON audio_files (content_sha256, created_at);

CREATE TABLE text_documents (
    id UUID PRIMARY KEY,
    file_path VARCHAR(255) NOT NULL,
    file_size BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    metadata JSONB,
    content_sha256 VARCHAR(64) NOT NULL,
    original_name TEXT,
    object_key VARCHAR(1024) NOT NULL,
    storage_tier VARCHAR(16) NOT NULL DEFAULT 'standard',
    language VARCHAR(35),
    idempotency_key VARCHAR(200),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    archived_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_text_documents_storage_tier CHECK (storage_tier IN ('standard', 'archive')),
    CONSTRAINT ck_text_documents_file_size CHECK (file_size >= 0)
);
CREATE UNIQUE INDEX uq_text_documents_idempotency_key ON text_documents (idempotency_key);
CREATE INDEX ix_text_documents_created ON text_documents (created_at, id);
CREATE INDEX ix_text_documents_language_created ON text_documents (language, created_at, id);
CREATE INDEX ix_text_documents_content_sha256 ON text_documents (content_sha256, created_at);

CREATE TABLE transcriptions (
    id UUID PRIMARY KEY,
    audio_file_id UUID NOT NULL CONSTRAINT fk_transcriptions_audio_file REFERENCES audio_files (id),
    content TEXT NOT NULL,
    language VARCHAR(35),
    confidence FLOAT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    model_version VARCHAR(50),
    metadata JSONB,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    archived_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_transcriptions_created ON transcriptions (created_at, id);
CREATE INDEX ix_transcriptions_audio_file_created ON transcriptions (audio_file_id, created_at);
CREATE INDEX ix_transcriptions_audio_file_model ON transcriptions (audio_file_id, model_version, created_at);
CREATE INDEX ix_transcriptions_language_created ON transcriptions (language, created_at);
CREATE INDEX ix_transcriptions_model_created ON transcriptions (model_version, created_at);

CREATE TABLE translations (
    id UUID PRIMARY KEY,
    transcription_id UUID NOT NULL CONSTRAINT fk_translations_transcription REFERENCES transcriptions (id),
    content TEXT NOT NULL,
    source_language VARCHAR(35),
    target_language VARCHAR(35) NOT NULL,
    confidence FLOAT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    model_version VARCHAR(50),
    metadata JSONB,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    archived_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_translations_created ON translations (created_at, id);
CREATE INDEX ix_translations_transcription_target ON translations (transcription_id, target_language, created_at);
CREATE INDEX ix_translations_target_created ON translations (target_language, created_at);
CREATE INDEX ix_translations_model_created ON translations (model_version, created_at);

CREATE TABLE analysis_results (
    id UUID PRIMARY KEY,
    audio_file_id UUID CONSTRAINT fk_analysis_results_audio_file REFERENCES audio_files (id),
    transcription_id UUID CONSTRAINT fk_analysis_results_transcription REFERENCES transcriptions (id),
    analysis_type VARCHAR(50) NOT NULL,
    result JSONB NOT NULL,
    confidence FLOAT,
    model_version VARCHAR(50),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ck_analysis_results_subject CHECK (audio_file_id IS NOT NULL OR transcription_id IS NOT NULL)
);
CREATE INDEX ix_analysis_results_created ON analysis_results (created_at, id);
CREATE INDEX ix_analysis_results_audio_file_created ON analysis_results (audio_file_id, created_at);
CREATE INDEX ix_analysis_results_transcription_created ON analysis_results (transcription_id, created_at);
CREATE INDEX ix_analysis_results_type_created ON analysis_results (analysis_type, created_at);
