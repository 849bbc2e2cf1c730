-- Cache keys an instance could not invalidate (its cache was unreachable), so that instances that reach the cache
-- invalidate them on its behalf. Rows are written only on such failures and forgotten after the cache's TTL. The
-- database stamps them, so readers compare one clock, whatever the instances' clocks say.
CREATE TABLE cache_invalidations (
    id BIGSERIAL PRIMARY KEY,
    cache_key VARCHAR(1024) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_cache_invalidations_created ON cache_invalidations (created_at);
