-- Work claiming and full-text search.

-- A claim moves a file to another status and leases it to its claimer; a lease that expires before the status
-- moves on again makes the file claimable from claimed_from. Any status change clears all three columns.
ALTER TABLE audio_files
    ADD COLUMN lease_owner VARCHAR(100),
    ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE,
    ADD COLUMN claimed_from VARCHAR(20),
    ADD CONSTRAINT ck_audio_files_claimed_from CHECK (claimed_from IN
        ('uploaded', 'processing', 'transcribed', 'translated', 'analyzed', 'failed', 'archived'));
-- Finds expired leases; fresh claims use ix_audio_files_status_created.
CREATE INDEX ix_audio_files_lease ON audio_files (status, claimed_from, lease_expires_at)
    WHERE lease_expires_at IS NOT NULL;

-- The text-search configuration for a BCP 47 tag's primary language; 'simple' (no stemming, no stopwords) for
-- languages PostgreSQL has no stemmer for, and for texts without a language.
CREATE FUNCTION pipestore_ts_config(language_tag TEXT) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT (CASE lower(split_part(coalesce(language_tag, ''), '-', 1))
        WHEN 'en' THEN 'pg_catalog.english'
        WHEN 'de' THEN 'pg_catalog.german'
        WHEN 'fr' THEN 'pg_catalog.french'
        WHEN 'es' THEN 'pg_catalog.spanish'
        WHEN 'it' THEN 'pg_catalog.italian'
        WHEN 'pt' THEN 'pg_catalog.portuguese'
        WHEN 'nl' THEN 'pg_catalog.dutch'
        WHEN 'ru' THEN 'pg_catalog.russian'
        WHEN 'sv' THEN 'pg_catalog.swedish'
        WHEN 'no' THEN 'pg_catalog.norwegian'
        WHEN 'nb' THEN 'pg_catalog.norwegian'
        WHEN 'da' THEN 'pg_catalog.danish'
        WHEN 'fi' THEN 'pg_catalog.finnish'
        WHEN 'hu' THEN 'pg_catalog.hungarian'
        WHEN 'ro' THEN 'pg_catalog.romanian'
        WHEN 'tr' THEN 'pg_catalog.turkish'
        ELSE 'pg_catalog.simple'
    END)::regconfig
$$;

-- A query read in every configuration above at once: whatever a row's language, a row matching the query in its own
-- configuration matches this, so it can narrow the search through the GIN index before the exact per-row check.
-- Duplicates are dropped (most configurations read most words alike), which keeps the planner's estimate sane.
CREATE FUNCTION pipestore_any_tsquery(query TEXT) RETURNS tsquery
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT string_agg(DISTINCT '(' || q::text || ')', ' | ')::tsquery
    FROM unnest(ARRAY[
        websearch_to_tsquery('pg_catalog.english', query), websearch_to_tsquery('pg_catalog.german', query),
        websearch_to_tsquery('pg_catalog.french', query), websearch_to_tsquery('pg_catalog.spanish', query),
        websearch_to_tsquery('pg_catalog.italian', query), websearch_to_tsquery('pg_catalog.portuguese', query),
        websearch_to_tsquery('pg_catalog.dutch', query), websearch_to_tsquery('pg_catalog.russian', query),
        websearch_to_tsquery('pg_catalog.swedish', query), websearch_to_tsquery('pg_catalog.norwegian', query),
        websearch_to_tsquery('pg_catalog.danish', query), websearch_to_tsquery('pg_catalog.finnish', query),
        websearch_to_tsquery('pg_catalog.hungarian', query), websearch_to_tsquery('pg_catalog.romanian', query),
        websearch_to_tsquery('pg_catalog.turkish', query), websearch_to_tsquery('pg_catalog.simple', query)]) AS q
    WHERE numnode(q) > 0
$$;

-- The search vector of a text. A tsvector holds at most 1 MB; a text so long and varied that its vector would not fit
-- (hours of speech) is indexed by its first 100,000 characters rather than refused, since refusing would lose the
-- transcription itself. Only long texts pay for the exception block's subtransaction.
CREATE FUNCTION pipestore_search_vector(language_tag TEXT, content TEXT) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    IF length(content) < 100000 THEN
        RETURN to_tsvector(pipestore_ts_config(language_tag), content);
    END IF;
    BEGIN
        RETURN to_tsvector(pipestore_ts_config(language_tag), content);
    EXCEPTION WHEN program_limit_exceeded THEN
        RETURN to_tsvector(pipestore_ts_config(language_tag), left(content, 100000));
    END;
END
$$;

-- Triggers rather than the application keep the vectors right for rows written by any tool.
CREATE FUNCTION pipestore_transcriptions_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := pipestore_search_vector(NEW.language, NEW.content);
    RETURN NEW;
END
$$;

CREATE FUNCTION pipestore_translations_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := pipestore_search_vector(NEW.target_language, NEW.content);
    RETURN NEW;
END
$$;

ALTER TABLE transcriptions ADD COLUMN search_vector tsvector;
UPDATE transcriptions SET search_vector = pipestore_search_vector(language, content);
CREATE TRIGGER transcriptions_search_vector BEFORE INSERT OR UPDATE OF content, language ON transcriptions
    FOR EACH ROW EXECUTE FUNCTION pipestore_transcriptions_search_vector();
CREATE INDEX ix_transcriptions_search ON transcriptions USING GIN (search_vector);

ALTER TABLE translations ADD COLUMN search_vector tsvector;
UPDATE translations SET search_vector = pipestore_search_vector(target_language, content);
CREATE TRIGGER translations_search_vector BEFORE INSERT OR UPDATE OF content, target_language ON translations
    FOR EACH ROW EXECUTE FUNCTION pipestore_translations_search_vector();
CREATE INDEX ix_translations_search ON translations USING GIN (search_vector);
