-- API keys. Only the SHA-256 of a secret is stored: the secrets are 256 random bits, so a fast hash cannot be
-- reversed by guessing, and the lookup by hash needs no slow password hash. key_prefix (the secret's first
-- characters) lets people tell keys apart without the secret.
CREATE TABLE api_keys (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) <= 100),
    role TEXT NOT NULL,
    key_hash TEXT NOT NULL CHECK (length(key_hash) = 64),
    key_prefix TEXT NOT NULL CHECK (length(key_prefix) <= 16),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now')),
    revoked_at TEXT,
    last_used_at TEXT,
    CONSTRAINT ck_api_keys_role CHECK (role IN ('ingest', 'worker', 'read', 'admin'))
) STRICT;
CREATE UNIQUE INDEX uq_api_keys_key_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_created ON api_keys (created_at, id);
