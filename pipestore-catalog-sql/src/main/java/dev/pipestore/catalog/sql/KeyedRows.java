package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.IdempotencyKey;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rows looked up by their {@link IdempotencyKey}, in tables that index {@code (audio_file_id, idempotency_key)}: a
 * retried batch asks for all its keys at once, a few hundred pairs per query so every database can use the index.
 */
final class KeyedRows {

    private static final int PAIRS_PER_QUERY = 500;
    private static final String PAIR = "(audio_file_id = ? AND idempotency_key = ?)";

    private KeyedRows() {}

    /**
     * @param select {@code SELECT columns FROM table}, whose columns include {@code audio_file_id}
     * @param mapper reads one row of {@code select}
     */
    static <T> Map<IdempotencyKey, T> find(Database database, String what, String select, Collection<IdempotencyKey> keys,
            Database.RowMapper<T> mapper) {
        Objects.requireNonNull(keys, "keys");
        List<IdempotencyKey> distinct = List.copyOf(new LinkedHashSet<>(keys));
        Map<IdempotencyKey, T> found = new HashMap<>();
        String keyed = select.replaceFirst(" FROM ", ", idempotency_key FROM ");
        for (int from = 0; from < distinct.size(); from += PAIRS_PER_QUERY) {
            List<IdempotencyKey> chunk = distinct.subList(from, Math.min(distinct.size(), from + PAIRS_PER_QUERY));
            String sql = keyed + " WHERE " + String.join(" OR ", Collections.nCopies(chunk.size(), PAIR));
            Set<IdempotencyKey> asked = Set.copyOf(chunk);
            database.run("read " + what + " by " + chunk.size() + " idempotency keys", c -> database.query(c, sql, b -> {
                for (IdempotencyKey key : chunk) {
                    b.uuid(key.audioFileId()).text(key.value());
                }
            }, row -> {
                IdempotencyKey key = new IdempotencyKey(row.uuid("audio_file_id"), row.text("idempotency_key"));
                if (asked.contains(key)) {
                    found.put(key, mapper.map(row));
                }
                return key;
            }));
        }
        return found;
    }
}
