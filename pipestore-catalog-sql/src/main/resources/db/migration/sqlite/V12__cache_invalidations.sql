-- Cache keys an instance could not invalidate (its cache was unreachable), so that instances that reach the cache
-- invalidate them on its behalf. Rows are written only on such failures and forgotten after the cache's TTL. The
-- database stamps them, so readers compare one clock, whatever the instances' clocks say.
CREATE TABLE cache_invalidations (
    id INTEGER PRIMARY KEY,
    cache_key TEXT NOT NULL CHECK (length(cache_key) <= 1024),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%f000Z', 'now'))
) STRICT;
CREATE INDEX ix_cache_invalidations_created ON cache_invalidations (created_at);
