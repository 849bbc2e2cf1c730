package dev.pipestore.results;

import dev.pipestore.ConflictException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Writes a record once per idempotency key: an earlier record under the key answers a retry, checked to be the same
 * request; otherwise the record is inserted, and when the key's unique index refuses it (another attempt won the race,
 * or committed just before this one) the winner answers instead.
 */
final class IdempotentWrites {

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
}
