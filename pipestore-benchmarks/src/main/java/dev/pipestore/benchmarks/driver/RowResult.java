package dev.pipestore.benchmarks.driver;

import java.util.List;

/**
 * The measured outcome of one report row: the windows of both sides, paired by repetition.
 *
 * @param title what the row measures
 * @param threads load threads
 * @param unit the report unit, such as {@code ops/s} or {@code rows/s}
 * @param unitsPerOperation report units per operation
 * @param bytesPerOperation payload bytes per operation, or 0
 * @param ours pipestore's windows, one per repetition
 * @param raw the raw client's windows, paired with {@code ours} by index
 * @param check what the workload's own verification found, or empty
 * @param target the fraction of raw this row should reach
 * @param reportsLatency whether the report shows the row's latency percentiles
 */
public record RowResult(String title, int threads, String unit, int unitsPerOperation, long bytesPerOperation,
        List<Window> ours, List<Window> raw, String check, double target, boolean reportsLatency) {

    /** The target of a row that names none: pipestore at least this fraction of the raw client (issue 3). */
    public static final double DEFAULT_TARGET = 0.9;

    public RowResult {
        ours = List.copyOf(ours);
        raw = List.copyOf(raw);
        if (ours.size() != raw.size() || ours.isEmpty()) {
            throw new IllegalArgumentException("ours and raw need the same, non-zero number of windows");
        }
    }

    /** Pipestore's rate in report units. */
    public Spread oursRate() {
        return Spread.of(ours.stream().map(w -> w.rate() * unitsPerOperation).toList());
    }

    /** The raw client's rate in report units. */
    public Spread rawRate() {
        return Spread.of(raw.stream().map(w -> w.rate() * unitsPerOperation).toList());
    }

    /** Ours divided by raw, repetition by repetition: each pair ran back to back, so slow drift of the machine cancels. */
    public Spread ratio() {
        return Spread.of(java.util.stream.IntStream.range(0, ours.size())
                .mapToObj(i -> ours.get(i).rate() / raw.get(i).rate()).toList());
    }

    public Spread oursCpuMillisPerOperation() {
        return Spread.of(ours.stream().map(Window::cpuMillisPerOperation).toList());
    }

    public Spread rawCpuMillisPerOperation() {
        return Spread.of(raw.stream().map(Window::cpuMillisPerOperation).toList());
    }

    public boolean meetsTarget() {
        return ratio().median() >= target;
    }

    /** Pipestore's latency at {@code percentile}, in milliseconds, over every operation of every measured window. */
    public double oursLatencyMillis(double percentile) {
        return pooled(ours).percentileNanos(percentile) / 1e6;
    }

    /** The raw side's latency at {@code percentile}, in milliseconds, over every operation of every measured window. */
    public double rawLatencyMillis(double percentile) {
        return pooled(raw).percentileNanos(percentile) / 1e6;
    }

    private static LatencyHistogram pooled(List<Window> windows) {
        LatencyHistogram all = new LatencyHistogram();
        windows.forEach(w -> all.add(w.latencies()));
        return all;
    }
}
