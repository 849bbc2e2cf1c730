package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.CacheInvalidations;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The {@code cache_invalidations} table (migration V12), on any dialect. */
final class SqlCacheInvalidations implements CacheInvalidations {

    private final Database database;

    SqlCacheInvalidations(Database database) {
        this.database = database;
    }

    @Override
    public void record(Collection<String> keys, Instant at) {
        if (keys.isEmpty()) {
            return;
        }
        Instant stamp = Binder.storable("created_at", at);
        database.inTransaction("record " + keys.size() + " cache invalidations", c -> {
            database.insertBatch(c, "INSERT INTO cache_invalidations (cache_key, created_at) VALUES (?, ?)",
                    "keys", List.copyOf(keys), (b, key) -> b.text(key).instant(stamp));
            return null;
        });
    }

    @Override
    public List<Recorded> recordedSince(Instant since, int limit) {
        int bounded = Math.clamp(limit, 1, MAX_BATCH);
        return database.run("read cache invalidations", c -> database.query(c, "SELECT cache_key, created_at FROM"
                + " cache_invalidations WHERE created_at >= ? ORDER BY created_at, id LIMIT " + bounded,
                b -> b.instant(Binder.storable("since", since)),
                row -> new Recorded(row.text("cache_key"), row.instant("created_at"))));
    }

    @Override
    public int forgetBefore(Instant before) {
        return database.run("forget cache invalidations", c -> database.update(c,
                "DELETE FROM cache_invalidations WHERE created_at < ?", b -> b.instant(Binder.storable("before", before))));
    }
}
