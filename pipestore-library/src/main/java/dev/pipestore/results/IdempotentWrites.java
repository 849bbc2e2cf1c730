package dev.pipestore.results;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.IdempotencyKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Writes a record once per idempotency key: an earlier record under the key answers a retry, checked to be the same
 * request; otherwise the record is inserted, and when the key's unique index refuses it (another attempt won the race,
 * or committed just before this one) the winner answers instead.
 */
final class IdempotentWrites {

    private static final Comparator<IdempotencyKey> IN_LOCK_ORDER =
            Comparator.comparing(IdempotencyKey::audioFileId).thenComparing(IdempotencyKey::value);

    private IdempotentWrites() {}

    /**
     * @param findEarlier the record stored under the key, if any
     * @param insert inserts the new record under the key; a {@link ConflictException} when the key is taken
     * @param requireSame returns the earlier record when it answers the same request, throws a conflict otherwise
     */
    static <T> T once(Supplier<Optional<T>> findEarlier, Supplier<T> insert, UnaryOperator<T> requireSame) {
        Optional<T> earlier = findEarlier.get();
        if (earlier.isPresent()) {
            return requireSame.apply(earlier.get());
        }
        try {
            return insert.get();
        } catch (ConflictException e) {
            return requireSame.apply(findEarlier.get().orElseThrow(() -> e));
        }
    }

    /**
     * The idempotency keys of a batch's items, checked: each is 1 to 200 printable ASCII characters, and no key names
     * two items of one audio file.
     *
     * @param keys the key of each item, {@code null} for none
     * @param audioFileOf the audio file of item {@code i}, which scopes its key
     * @param list how refusals name the batch, for example {@code items}: {@code items[3].idempotency_key}
     * @return the key of each item, {@code null} where it has none
     */
    static List<IdempotencyKey> checkedKeys(List<String> keys, Function<Integer, UUID> audioFileOf, String list) {
        List<IdempotencyKey> checked = new ArrayList<>(keys.size());
        Map<IdempotencyKey, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String field = list + "[" + i + "].idempotency_key";
            String key = Fields.idempotencyKey(field, keys.get(i));
            IdempotencyKey scoped = key == null ? null : new IdempotencyKey(audioFileOf.apply(i), key);
            if (scoped != null && firstUse.putIfAbsent(scoped, i) != null) {
                throw new InvalidInputException(field, "'" + key + "' is also the key of item " + firstUse.get(scoped)
                        + " of this batch, of the same audio file; each item needs its own");
            }
            checked.add(scoped);
        }
        return checked;
    }

    /** Checks that a retried item asks for what its key stored earlier. */
    @FunctionalInterface
    interface RetryCheck<T> {
        /** @return {@code earlier} when {@code retry} asks for the same; throws a {@link ConflictException} otherwise */
        T sameAs(T earlier, T retry, String key);
    }

    /**
     * Stores a batch whose items may carry idempotency keys, each item once per key, so a worker may send a whole batch
     * again after a timeout that could have hidden its commit. The batch is inserted whole, in one transaction; when a
     * key is taken (by this batch's earlier attempt, or by a race with another), the items stored earlier under their
     * keys answer for themselves, each checked to be the same request, and the others are inserted again, all or none.
     * Each round answers at least one item or ends, so it ends.
     *
     * @param candidates the new records, in the caller's order
     * @param keys the key of each candidate from {@link #checkedKeys}, {@code null} for none
     * @param insertAt stores the candidates at the given positions (ascending) under their keys in one transaction; a
     *     {@link ConflictException} when a key is taken
     * @param findEarlier the records stored under any of the keys, by key
     * @return the record answering each item, in the caller's order: stored now or earlier
     */
    static <T> List<T> onceEach(List<T> candidates, List<IdempotencyKey> keys, Consumer<List<Integer>> insertAt,
            Function<Collection<IdempotencyKey>, Map<IdempotencyKey, T>> findEarlier, RetryCheck<T> requireSame) {
        List<T> answers = new ArrayList<>(candidates);
        List<Integer> pending = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            pending.add(i);
        }
        // Keyed rows go in key order: two batches sharing keys in different orders would otherwise each hold a key the
        // other waits for, and the database would end one as a deadlock instead of letting it find the other's rows.
        pending.sort(Comparator.comparing(keys::get, Comparator.nullsLast(IN_LOCK_ORDER)));
        while (true) {
            try {
                insertAt.accept(List.copyOf(pending));
                return answers;
            } catch (ConflictException e) {
                List<IdempotencyKey> asked = pending.stream().map(keys::get).filter(Objects::nonNull).toList();
                Map<IdempotencyKey, T> earlier = asked.isEmpty() ? Map.of() : findEarlier.apply(asked);
                if (earlier.isEmpty()) {
                    throw e;
                }
                boolean answeredAny = pending.removeIf(i -> {
                    T stored = keys.get(i) == null ? null : earlier.get(keys.get(i));
                    if (stored != null) {
                        answers.set(i, requireSame.sameAs(stored, candidates.get(i), keys.get(i).value()));
                    }
                    return stored != null;
                });
                if (!answeredAny) {
                    // Only a round that answers an item may go again: that bounds the rounds by the batch's size.
                    throw e;
                }
                if (pending.isEmpty()) {
                    return answers;
                }
            }
        }
    }

    /**
     * The {@code insertAt} of {@link #onceEach} for a catalog batch insert: the candidates at the given positions with
     * their key strings, and a refusal of row {@code j} of that partial batch, which the catalog names
     * {@code rows[j].column}, renamed to the item it came from: {@code items[positions[j]].column}.
     */
    static <T> Consumer<List<Integer>> insertingAt(List<T> candidates, List<IdempotencyKey> keys,
            BiConsumer<List<T>, List<String>> insertBatch, String rows, String items) {
        return positions -> {
            try {
                insertBatch.accept(positions.stream().map(candidates::get).toList(),
                        positions.stream().map(i -> keys.get(i) == null ? null : keys.get(i).value()).toList());
            } catch (InvalidInputException e) {
                throw renumbered(e, rows, items, positions);
            }
        };
    }

    private static InvalidInputException renumbered(InvalidInputException e, String rows, String list,
            List<Integer> positions) {
        String prefix = rows + "[";
        int close = e.field().indexOf(']');
        if (!e.field().startsWith(prefix) || close < 0) {
            return e;
        }
        int row = Integer.parseInt(e.field().substring(prefix.length(), close));
        return e.renamed(list + "[" + positions.get(row) + e.field().substring(close));
    }
}
