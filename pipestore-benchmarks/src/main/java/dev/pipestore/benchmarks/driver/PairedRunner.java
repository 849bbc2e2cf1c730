package dev.pipestore.benchmarks.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures a {@link Workload} as pairs of windows, raw and ours back to back, alternating which goes first, after one
 * untimed warm-up window of each. On a shared two-core machine whose speed drifts by 10-30 % between minutes, a ratio
 * taken within one pair is far steadier than one taken between two separate runs.
 */
public final class PairedRunner {

    private final LoadDriver driver;
    /** The first row's warm-up, in row warm-ups: long enough for the JIT to settle on both sides. */
    public static final int FIRST_ROW_WARMUP_FACTOR = 8;

    private final Duration warmup;
    private boolean firstRow = true;
    private final Duration window;
    private final int repetitions;
    private final Consumer<String> log;

    public PairedRunner(LoadDriver driver, Duration warmup, Duration window, int repetitions, Consumer<String> log) {
        this.driver = driver;
        this.warmup = warmup;
        this.window = window;
        this.repetitions = repetitions;
        this.log = log;
    }

    public RowResult run(Workload workload) throws Exception {
        log.accept(workload.title() + ", " + workload.threads() + " thread(s): warming up");
        // The first row also warms the JVM (JIT of the SDK, S3Proxy, Jetty, JDBC): with only the row's own warm-up
        // its first windows ran at half speed and its ratio said more about the order of rows than about pipestore.
        Duration rowWarmup = firstRow ? warmup.multipliedBy(FIRST_ROW_WARMUP_FACTOR) : warmup;
        firstRow = false;
        measure(workload, workload.raw(), rowWarmup);
        measure(workload, workload.ours(), rowWarmup);
        List<Window> ours = new ArrayList<>();
        List<Window> raw = new ArrayList<>();
        int pairs = Math.min(repetitions, workload.maxRepetitions());
        for (int i = 0; i < pairs; i++) {
            boolean rawFirst = i % 2 == 0;
            Window first = measure(workload, rawFirst ? workload.raw() : workload.ours(), window);
            Window second = measure(workload, rawFirst ? workload.ours() : workload.raw(), window);
            Window r = rawFirst ? first : second;
            Window o = rawFirst ? second : first;
            raw.add(r);
            ours.add(o);
            log.accept(String.format("  repetition %d: ours %.1f ops/s, raw %.1f ops/s, ratio %.3f", i + 1, o.rate(), r.rate(),
                    o.rate() / r.rate()));
        }
        String check = workload.verify();
        return new RowResult(workload.title(), workload.threads(), workload.unit(), workload.unitsPerOperation(),
                workload.bytesPerOperation(), ours, raw, check, workload.target(), workload.reportsLatency());
    }

    private Window measure(Workload workload, Operation operation, Duration length) throws Exception {
        Window result = driver.run(operation, workload.threads(), length);
        workload.afterWindow();
        return result;
    }
}
