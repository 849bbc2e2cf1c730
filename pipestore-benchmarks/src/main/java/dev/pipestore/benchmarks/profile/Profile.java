package dev.pipestore.benchmarks.profile;

import dev.pipestore.benchmarks.driver.Window;
import java.nio.file.Path;
import java.util.List;

/**
 * What a profiled window of one side of a row spent its CPU on.
 *
 * @param side {@code ours} or {@code raw}
 * @param file the JFR recording, for {@code jfr print} or {@code jfr summary}
 * @param window the window the recording covered
 * @param sampleMillis CPU milliseconds one sample stands for
 * @param byThreadGroup samples per thread group, largest first
 * @param topFrames the methods on top of the stack most often, largest first
 * @param pipestoreFrames on the load threads and pipestore's server threads: the innermost pipestore method on the
 *     stack and the library of the sampled (top) frame, largest first
 */
public record Profile(String side, Path file, Window window, double sampleMillis, List<Count> byThreadGroup,
        List<Count> topFrames, List<Count> pipestoreFrames) {

    public Profile {
        byThreadGroup = List.copyOf(byThreadGroup);
        topFrames = List.copyOf(topFrames);
        pipestoreFrames = List.copyOf(pipestoreFrames);
    }

    /** Sampled CPU milliseconds per operation behind {@code samples}. */
    public double millisPerOperation(long samples) {
        return samples * sampleMillis / window.operations();
    }

    /** All samples of the recording. */
    public long totalSamples() {
        return byThreadGroup.stream().mapToLong(Count::samples).sum();
    }

    /** A name and how many samples fell to it. */
    public record Count(String name, long samples) {}
}
