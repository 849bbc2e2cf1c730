package dev.pipestore.benchmarks.driver;

/**
 * One row of the report: the same work done through pipestore ("ours") and through the backend's own client ("raw"),
 * against the same server.
 */
public interface Workload extends AutoCloseable {

    /** What the row measures, for the results table. */
    String title();

    /** What each side does, in a sentence or two, for the method section. */
    String description();

    /** Load threads running the operation at once. */
    int threads();

    /** How many report units one operation is: rows for a batch insert, 1 otherwise. */
    default int unitsPerOperation() {
        return 1;
    }

    /** The report unit of {@link #unitsPerOperation()}, such as {@code ops/s} or {@code rows/s}. */
    default String unit() {
        return "ops/s";
    }

    /** Payload bytes one operation moves, for a MB/s figure; 0 when throughput in bytes means nothing here. */
    default long bytesPerOperation() {
        return 0;
    }

    /** The fraction of the raw figure this row should reach; most rows aim at {@link RowResult#DEFAULT_TARGET}. */
    default double target() {
        return RowResult.DEFAULT_TARGET;
    }

    /**
     * The most measured pairs this row runs, whatever the run asks for: rows added later can run fewer so the whole run
     * stays within its time budget.
     */
    default int maxRepetitions() {
        return Integer.MAX_VALUE;
    }

    /** Whether the report shows this row's latency percentiles, for rows where a request's latency is the point. */
    default boolean reportsLatency() {
        return false;
    }

    Operation ours();

    Operation raw();

    /** Runs untimed after each window, to keep the next one's conditions the same (delete objects, truncate tables). */
    default void afterWindow() throws Exception {}

    /** Checks after the row that the work was what it claims (for example that every read hit the cache). */
    default String verify() throws Exception {
        return "";
    }

    /** Releases the row's connections and removes what it wrote. */
    @Override
    void close();
}
