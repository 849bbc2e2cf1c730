package dev.pipestore.benchmarks.driver;

/** One unit of work a load thread repeats, such as one ingest or one batch insert. */
@FunctionalInterface
public interface Operation {

    /** Does the work once; {@code thread} is the load thread's index, for per-thread names or state. */
    void run(int thread) throws Exception;
}
