-- API keys. Only the SHA-256 of a secret is stored: the secrets are 256 random bits, so a fast hash cannot be
-- reversed by guessing, and the lookup by hash needs no slow password hash. key_prefix (the secret's first
-- characters) lets people tell keys apart without the secret.
CREATE TABLE api_keys (
    id UUID PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    role VARCHAR(16) NOT NULL,
    key_hash VARCHAR(64) NOT NULL,
    key_prefix VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    revoked_at TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_api_keys_role CHECK (role IN ('ingest', 'worker', 'read', 'admin'))
);
CREATE UNIQUE INDEX uq_api_keys_key_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_created ON api_keys (created_at, id);
