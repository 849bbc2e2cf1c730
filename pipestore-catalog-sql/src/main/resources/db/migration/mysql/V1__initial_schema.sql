-- pipestore catalog, MariaDB/MySQL dialect.
-- A superset of the seed's schema (section 3.2): every seed table and column keeps its name and meaning.
-- Type choices: UUIDs are CHAR(36) in ascii (36 bytes, not 144 in utf8mb4); times are DATETIME(6) holding UTC
-- (the pool sets time_zone '+00:00' so the CURRENT_TIMESTAMP defaults are UTC too); FLOAT becomes DOUBLE because
-- MySQL's FLOAT is single precision and would not give back the confidence written. Tables use utf8mb4 with the
-- binary collation so text (idempotency keys above all) compares case- and accent-sensitively, as in PostgreSQL
-- and SQLite. Deletes never cascade: removing a parent with dependents must fail.

CREATE TABLE audio_files (
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    file_path VARCHAR(255) NOT NULL,
    file_size BIGINT NOT NULL,
    duration_seconds INT NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    format VARCHAR(10) NOT NULL,
    status VARCHAR(20) NOT NULL,
    metadata JSON,
    content_sha256 VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    original_name TEXT,
    object_key VARCHAR(1024) NOT NULL,
    storage_tier VARCHAR(16) NOT NULL DEFAULT 'standard',
    duration_precise DOUBLE NOT NULL,
    sample_rate INT,
    channels INT,
    language VARCHAR(35),
    idempotency_key VARCHAR(200),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    archived_at DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_audio_files_idempotency_key (idempotency_key),
    KEY ix_audio_files_status_created (status, created_at, id),
    KEY ix_audio_files_created (created_at, id),
    KEY ix_audio_files_language_created (language, created_at, id),
    KEY ix_audio_files_content_sha256 (content_sha256, created_at),
    CONSTRAINT ck_audio_files_status CHECK (status IN
        ('uploaded', 'processing', 'transcribed', 'translated', 'analyzed', 'failed', 'archived')),
    CONSTRAINT ck_audio_files_storage_tier CHECK (storage_tier IN ('standard', 'archive')),
    CONSTRAINT ck_audio_files_file_size CHECK (file_size >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE text_documents (
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    file_path VARCHAR(255) NOT NULL,
    file_size BIGINT NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    metadata JSON,
    content_sha256 VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    original_name TEXT,
    object_key VARCHAR(1024) NOT NULL,
    storage_tier VARCHAR(16) NOT NULL DEFAULT 'standard',
    language VARCHAR(35),
    idempotency_key VARCHAR(200),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    archived_at DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_text_documents_idempotency_key (idempotency_key),
    KEY ix_text_documents_created (created_at, id),
    KEY ix_text_documents_language_created (language, created_at, id),
    KEY ix_text_documents_content_sha256 (content_sha256, created_at),
    CONSTRAINT ck_text_documents_storage_tier CHECK (storage_tier IN ('standard', 'archive')),
    CONSTRAINT ck_text_documents_file_size CHECK (file_size >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE transcriptions (
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    audio_file_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content LONGTEXT NOT NULL,
    language VARCHAR(35),
    confidence DOUBLE,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    model_version VARCHAR(50),
    metadata JSON,
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    archived_at DATETIME(6),
    PRIMARY KEY (id),
    KEY ix_transcriptions_created (created_at, id),
    KEY ix_transcriptions_audio_file_created (audio_file_id, created_at),
    KEY ix_transcriptions_audio_file_model (audio_file_id, model_version, created_at),
    KEY ix_transcriptions_language_created (language, created_at),
    KEY ix_transcriptions_model_created (model_version, created_at),
    CONSTRAINT fk_transcriptions_audio_file FOREIGN KEY (audio_file_id) REFERENCES audio_files (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE translations (
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    transcription_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content LONGTEXT NOT NULL,
    source_language VARCHAR(35),
    target_language VARCHAR(35) NOT NULL,
    confidence DOUBLE,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    model_version VARCHAR(50),
    metadata JSON,
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    archived_at DATETIME(6),
    PRIMARY KEY (id),
    KEY ix_translations_created (created_at, id),
    KEY ix_translations_transcription_target (transcription_id, target_language, created_at),
    KEY ix_translations_target_created (target_language, created_at),
    KEY ix_translations_model_created (model_version, created_at),
    CONSTRAINT fk_translations_transcription FOREIGN KEY (transcription_id) REFERENCES transcriptions (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE analysis_results (
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    audio_file_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    transcription_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    analysis_type VARCHAR(50) NOT NULL,
    result JSON NOT NULL,
    confidence DOUBLE,
    model_version VARCHAR(50),
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY ix_analysis_results_created (created_at, id),
    KEY ix_analysis_results_audio_file_created (audio_file_id, created_at),
    KEY ix_analysis_results_transcription_created (transcription_id, created_at),
    KEY ix_analysis_results_type_created (analysis_type, created_at),
    CONSTRAINT fk_analysis_results_audio_file FOREIGN KEY (audio_file_id) REFERENCES audio_files (id),
    CONSTRAINT fk_analysis_results_transcription FOREIGN KEY (transcription_id) REFERENCES transcriptions (id),
    CONSTRAINT ck_analysis_results_subject CHECK (audio_file_id IS NOT NULL OR transcription_id IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
