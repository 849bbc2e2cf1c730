-- Work claiming and full-text search. Claims use SELECT ... FOR UPDATE SKIP LOCKED: MariaDB 10.6+ or MySQL 8.0+.

-- A claim moves a file to another status and leases it to its claimer; a lease that expires before the status
-- moves on again makes the file claimable from claimed_from. Any status change clears all three columns.
ALTER TABLE audio_files
    ADD COLUMN lease_owner VARCHAR(100),
    ADD COLUMN lease_expires_at DATETIME(6),
    ADD COLUMN claimed_from VARCHAR(20),
    ADD KEY ix_audio_files_lease (status, claimed_from, lease_expires_at),
    ADD CONSTRAINT ck_audio_files_claimed_from CHECK (claimed_from IN
        ('uploaded', 'processing', 'transcribed', 'translated', 'analyzed', 'failed', 'archived'));

-- FULLTEXT matching follows the column's collation, and the binary one of V1 would make search case-sensitive
-- ("Running" would not find "running"). No query compares the content itself, so it can take an accent- and
-- case-insensitive collation that both MariaDB and MySQL 8 know.
ALTER TABLE transcriptions
    MODIFY content LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci NOT NULL;
ALTER TABLE transcriptions ADD FULLTEXT INDEX ft_transcriptions_content (content);

ALTER TABLE translations
    MODIFY content LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci NOT NULL;
ALTER TABLE translations ADD FULLTEXT INDEX ft_translations_content (content);
