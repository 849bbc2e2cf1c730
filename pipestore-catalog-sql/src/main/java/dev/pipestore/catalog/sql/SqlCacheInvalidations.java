package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.CacheInvalidations;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The {@code cache_invalidations} table (migration V12), on any dialect; the database stamps every row. */
final class SqlCacheInvalidations implements CacheInvalidations {

    private final Database database;

    SqlCacheInvalidations(Database database) {
        this.database = database;
    }

    @Override
    public void record(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        database.inTransaction("record " + keys.size() + " cache invalidations", c -> {
            database.insertBatch(c, "INSERT INTO cache_invalidations (cache_key) VALUES (?)", "keys", List.copyOf(keys),
                    (b, key) -> b.text(key));
            return null;
        });
    }

    @Override
    public Instant now() {
        return database.run("read the catalog's clock", c -> database.query(c,
                "SELECT " + database.dialect().currentTimestamp() + " AS now", b -> {}, row -> row.instant("now")).getFirst());
    }

    @Override
    public List<Recorded> recordedAfter(Instant at, long id, int limit) {
        int bounded = Math.clamp(limit, 1, MAX_BATCH);
        Instant from = Binder.storable("at", at);
        return database.run("read cache invalidations", c -> database.query(c, "SELECT id, cache_key, created_at FROM"
                + " cache_invalidations WHERE created_at > ? OR (created_at = ? AND id > ?) ORDER BY created_at, id"
                + " LIMIT " + bounded, b -> b.instant(from).instant(from).bigint(id),
                row -> new Recorded(row.text("cache_key"), row.instant("created_at"), row.bigint("id"))));
    }

    @Override
    public int forgetBefore(Instant before) {
        return database.run("forget cache invalidations", c -> database.update(c,
                "DELETE FROM cache_invalidations WHERE created_at < ?", b -> b.instant(Binder.storable("before", before))));
    }
}
