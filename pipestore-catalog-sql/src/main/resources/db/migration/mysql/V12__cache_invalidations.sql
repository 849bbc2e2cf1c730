-- Cache keys an instance could not invalidate (its cache was unreachable), so that instances that reach the cache
-- invalidate them on its behalf. Rows are written only on such failures and forgotten after the cache's TTL. The
-- database stamps them, so readers compare one clock, whatever the instances' clocks say.
CREATE TABLE cache_invalidations (
    id BIGINT NOT NULL AUTO_INCREMENT,
    cache_key VARCHAR(1024) NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY ix_cache_invalidations_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
