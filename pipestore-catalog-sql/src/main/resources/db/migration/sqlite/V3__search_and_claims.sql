-- Work claiming and full-text search.

-- A claim moves a file to another status and leases it to its claimer; a lease that expires before the status
-- moves on again makes the file claimable from claimed_from. Any status change clears all three columns.
ALTER TABLE audio_files ADD COLUMN lease_owner TEXT CHECK (length(lease_owner) <= 100);
ALTER TABLE audio_files ADD COLUMN lease_expires_at TEXT;
ALTER TABLE audio_files ADD COLUMN claimed_from TEXT CONSTRAINT ck_audio_files_claimed_from CHECK (claimed_from IN
    ('uploaded', 'processing', 'transcribed', 'translated', 'analyzed', 'failed', 'archived'));
CREATE INDEX ix_audio_files_lease ON audio_files (status, claimed_from, lease_expires_at);

-- FTS5 indexes over the texts, with external content: the text is stored once, in the table itself.
-- An external-content index refers to its rows by an integer. The tables' own rowids will not do: they have no
-- INTEGER PRIMARY KEY, so VACUUM (and copies made with VACUUM INTO) may renumber them and the index would point at
-- the wrong rows. search_rowid is a number of our own that nothing renumbers, given when a row is inserted.
-- Tokeniser: Unicode words, case- and accent-insensitive, with the Porter stemmer (English rules, applied to every
-- language: "runs" and "running" both become "run").
ALTER TABLE transcriptions ADD COLUMN search_rowid INTEGER;
UPDATE transcriptions SET search_rowid = rowid;
CREATE UNIQUE INDEX uq_transcriptions_search_rowid ON transcriptions (search_rowid);
CREATE VIRTUAL TABLE transcriptions_search USING fts5(
    content, content = 'transcriptions', content_rowid = 'search_rowid',
    tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO transcriptions_search (transcriptions_search) VALUES ('rebuild');

CREATE TRIGGER transcriptions_search_insert AFTER INSERT ON transcriptions BEGIN
    UPDATE transcriptions SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM transcriptions)
        WHERE id = new.id;
    INSERT INTO transcriptions_search (rowid, content) SELECT search_rowid, content FROM transcriptions WHERE id = new.id;
END;
CREATE TRIGGER transcriptions_search_delete AFTER DELETE ON transcriptions BEGIN
    INSERT INTO transcriptions_search (transcriptions_search, rowid, content) VALUES ('delete', old.search_rowid, old.content);
END;
CREATE TRIGGER transcriptions_search_update AFTER UPDATE OF content ON transcriptions BEGIN
    INSERT INTO transcriptions_search (transcriptions_search, rowid, content) VALUES ('delete', old.search_rowid, old.content);
    INSERT INTO transcriptions_search (rowid, content) VALUES (new.search_rowid, new.content);
END;

ALTER TABLE translations ADD COLUMN search_rowid INTEGER;
UPDATE translations SET search_rowid = rowid;
CREATE UNIQUE INDEX uq_translations_search_rowid ON translations (search_rowid);
CREATE VIRTUAL TABLE translations_search USING fts5(
    content, content = 'translations', content_rowid = 'search_rowid',
    tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO translations_search (translations_search) VALUES ('rebuild');

CREATE TRIGGER translations_search_insert AFTER INSERT ON translations BEGIN
    UPDATE translations SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM translations)
        WHERE id = new.id;
    INSERT INTO translations_search (rowid, content) SELECT search_rowid, content FROM translations WHERE id = new.id;
END;
CREATE TRIGGER translations_search_delete AFTER DELETE ON translations BEGIN
    INSERT INTO translations_search (translations_search, rowid, content) VALUES ('delete', old.search_rowid, old.content);
END;
CREATE TRIGGER translations_search_update AFTER UPDATE OF content ON translations BEGIN
    INSERT INTO translations_search (translations_search, rowid, content) VALUES ('delete', old.search_rowid, old.content);
    INSERT INTO translations_search (rowid, content) VALUES (new.search_rowid, new.content);
END;
