package dev.pipestore.benchmarks.profile;

import dev.pipestore.benchmarks.driver.LoadDriver;
import dev.pipestore.benchmarks.driver.Operation;
import dev.pipestore.benchmarks.driver.Window;
import dev.pipestore.benchmarks.driver.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * Records one extra window of a row with JDK Flight Recorder (async-profiler is not available here) and summarises
 * where the CPU went. Profiled windows are never the measured ones: recording costs a little CPU itself.
 *
 * <p>It uses JDK 25's CPU-time sampler ({@code jdk.CPUTimeSample}, one sample per {@value #SAMPLE_MILLIS} ms of a
 * thread's CPU, native code included) when the JVM has it, else the classic {@code jdk.ExecutionSample}, which sees
 * only threads running Java code.
 */
public final class JfrProfiler {

    static final int SAMPLE_MILLIS = 10;

    private final LoadDriver driver;
    private final Duration window;
    private final Path directory;

    public JfrProfiler(LoadDriver driver, Duration window, Path directory) {
        this.driver = driver;
        this.window = window;
        this.directory = directory;
    }

    public Profile profile(String name, String side, Workload workload, Operation operation) throws Exception {
        Files.createDirectories(directory);
        Path file = directory.resolve(name + "-" + side + ".jfr");
        Window measured;
        try (Recording recording = new Recording()) {
            recording.setName(name + "-" + side);
            recording.enable("jdk.CPUTimeSample").with("throttle", SAMPLE_MILLIS + " ms");
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(SAMPLE_MILLIS));
            recording.enable("jdk.GarbageCollection");
            recording.start();
            measured = driver.run(operation, workload.threads(), window);
            recording.stop();
            recording.dump(file);
        }
        workload.afterWindow();
        return summarise(side, file, measured);
    }

    private static Profile summarise(String side, Path file, Window measured) throws IOException {
        return new SampleSummary(side, file, measured, SAMPLE_MILLIS).read();
    }
}
