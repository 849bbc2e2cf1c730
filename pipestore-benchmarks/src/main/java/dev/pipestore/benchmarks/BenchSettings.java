package dev.pipestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The knobs of one benchmark run, from {@code --name=value} arguments; the defaults (eight pairs of 2-second windows
 * per row) keep a full run near ten minutes on two cores.
 *
 * @param output the markdown report to write
 * @param warmup one untimed window per side and row before the measured ones
 * @param window one measured window
 * @param repetitions measured windows per side and row
 * @param largeBytes size of the memory check's WAV file
 * @param largeHeap {@code -Xmx} of the memory check's child JVM that ingests through the library
 * @param largeServerHeap {@code -Xmx} of the memory check's child JVM that serves the HTTP API for the large upload
 * @param profiles where JFR recordings of rows below target go
 * @param commit the pipestore commit measured, for the report
 * @param groups which parts to run: {@code ingest}, {@code catalog}, {@code cache}, {@code http}, {@code memory}
 */
public record BenchSettings(Path output, Duration warmup, Duration window, int repetitions, long largeBytes, String largeHeap,
        String largeServerHeap, Path profiles, String commit, Set<String> groups) {

    static final Set<String> ALL_GROUPS = Set.of("ingest", "catalog", "cache", "http", "memory");

    public BenchSettings {
        if (repetitions < 1 || repetitions > 50) {
            throw new IllegalArgumentException("--repetitions must be 1 to 50, was " + repetitions);
        }
        if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("--window-seconds must be 1 to 300, was " + window.toSeconds());
        }
        if (!ALL_GROUPS.containsAll(groups) || groups.isEmpty()) {
            throw new IllegalArgumentException("--only takes a comma-separated subset of " + ALL_GROUPS + ", was " + groups);
        }
    }

    static BenchSettings parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        BenchSettings settings = new BenchSettings(
                Path.of(values.getOrDefault("out", "docs/BENCHMARKS.md")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup-seconds", "2"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("window-seconds", "2"))),
                Integer.parseInt(values.getOrDefault("repetitions", "8")),
                Long.parseLong(values.getOrDefault("large-bytes", String.valueOf(2L << 30))),
                values.getOrDefault("large-heap", "128m"),
                values.getOrDefault("large-server-heap", "256m"),
                Path.of(values.getOrDefault("profiles", "pipestore-benchmarks/target/bench-profiles")),
                values.getOrDefault("commit", "unknown"),
                Set.of(values.getOrDefault("only", String.join(",", ALL_GROUPS)).split(",")));
        values.keySet().removeAll(Set.of("out", "warmup-seconds", "window-seconds", "repetitions", "large-bytes", "large-heap",
                "large-server-heap", "profiles", "commit", "only"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet());
        }
        return settings;
    }

    boolean runs(String group) {
        return groups.contains(group);
    }
}
