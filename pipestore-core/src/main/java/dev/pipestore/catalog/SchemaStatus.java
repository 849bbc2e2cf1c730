package dev.pipestore.catalog;

import java.util.Objects;

/**
 * Where the catalog's schema stands against the migrations this pipestore carries.
 *
 * @param version the newest migration applied to the database, or {@code null} when none is (an empty database)
 * @param latest the newest migration this pipestore carries
 * @param pending how many of this pipestore's migrations the database lacks
 * @param state what that means for running pipestore on it
 * @param blocker why the configured user cannot apply the pending migrations, when the state is {@link State#BLOCKED};
 *     {@code null} otherwise
 */
public record SchemaStatus(String version, String latest, int pending, State state, String blocker) {

    public SchemaStatus {
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(state, "state");
        if ((state == State.BLOCKED) != (blocker != null)) {
            throw new IllegalArgumentException("a blocker goes with state BLOCKED and only with it; state " + state
                    + ", blocker " + blocker);
        }
    }

    /** A status with nothing in the way of the pending migrations. */
    public SchemaStatus(String version, String latest, int pending, State state) {
        this(version, latest, pending, state, null);
    }

    /** What the schema's state means for running pipestore on it. */
    public enum State {
        /** Every migration this pipestore carries is applied. */
        CURRENT,
        /** Some are not yet: opening the store (or {@code pipestore migrate}) applies them. */
        PENDING,
        /**
         * Some are not yet, and the configured user may not apply them (it may not create tables, say): opening the
         * store would fail on the first one. {@link #blocker()} says why and what to grant.
         */
        BLOCKED,
        /** The database has migrations this pipestore does not know: a newer pipestore migrated it. */
        AHEAD,
        /** A migration failed part-way (MariaDB cannot roll back DDL): it needs repair by hand before any other runs. */
        FAILED,
        /** pipestore's tables are there but Flyway's schema history is not: the migrations cannot tell what to apply. */
        UNTRACKED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One line for people, saying what to do when there is something to do. */
    public String summary() {
        return switch (state) {
            case CURRENT -> "version " + version + ", current";
            case PENDING -> (version == null ? "empty" : "version " + version) + ", " + pending + " migration"
                    + (pending == 1 ? "" : "s") + " to apply (up to " + latest + "): they run when pipestore opens the"
                    + " catalog, or with 'pipestore migrate'";
            case BLOCKED -> (version == null ? "empty" : "version " + version) + ", " + pending + " migration"
                    + (pending == 1 ? "" : "s") + " to apply, but they would fail: " + blocker;
            case AHEAD -> "version " + version + " is newer than this pipestore knows (" + latest + "): a later release"
                    + " migrated it; upgrade this one (it runs on, but does not know what the newer schema expects)";
            case UNTRACKED -> "pipestore's tables exist without the Flyway schema history table, so no migration can run"
                    + " and the catalog cannot be opened: restore the history table, or baseline it by hand";
            case FAILED -> "version " + version + " failed part-way: repair it by hand (see the Flyway schema history"
                    + " table) before pipestore can migrate or open it";
        };
    }
}
