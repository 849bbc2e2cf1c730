-- API keys. Only the SHA-256 of a secret is stored: the secrets are 256 random bits, so a fast hash cannot be
-- reversed by guessing, and the lookup by hash needs no slow password hash. key_prefix (the secret's first
-- characters) lets people tell keys apart without the secret.
CREATE TABLE api_keys (
    id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name VARCHAR(100) NOT NULL,
    role VARCHAR(16) NOT NULL,
    key_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    key_prefix VARCHAR(16) NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    revoked_at DATETIME(6),
    last_used_at DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_api_keys_key_hash (key_hash),
    KEY ix_api_keys_created (created_at, id),
    CONSTRAINT ck_api_keys_role CHECK (role IN ('ingest', 'worker', 'read', 'admin'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
