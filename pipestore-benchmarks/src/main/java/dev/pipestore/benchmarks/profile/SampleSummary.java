package dev.pipestore.benchmarks.profile;

import dev.pipestore.benchmarks.driver.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Counts a JFR recording's CPU samples by thread group, by top frame, and, on the threads that run pipestore (the load
 * threads, and pipestore's server in the HTTP rows), by innermost pipestore frame.
 */
final class SampleSummary {

    private static final int TOP = 15;
    private static final String CPU_TIME = "jdk.CPUTimeSample";
    private static final String EXECUTION = "jdk.ExecutionSample";

    private final String side;
    private final Path file;
    private final Window window;
    private final int sampleMillis;

    SampleSummary(String side, Path file, Window window, int sampleMillis) {
        this.side = side;
        this.file = file;
        this.window = window;
        this.sampleMillis = sampleMillis;
    }

    Profile read() throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        boolean cpuTime = events.stream().anyMatch(e -> e.getEventType().getName().equals(CPU_TIME));
        String wanted = cpuTime ? CPU_TIME : EXECUTION;
        Map<String, Long> groups = new HashMap<>();
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> pipestore = new HashMap<>();
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals(wanted) || event.getStackTrace() == null) {
                continue;
            }
            RecordedThread thread = event.getThread(cpuTime ? "eventThread" : "sampledThread");
            String group = thread == null ? ThreadGroups.OTHER : ThreadGroups.of(thread.getJavaName(), thread.isVirtual());
            groups.merge(group, 1L, Long::sum);
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                top.merge(name(frames.getFirst().getMethod()) + " — " + group, 1L, Long::sum);
            }
            if (ThreadGroups.runsPipestore(group) && !frames.isEmpty()) {
                String leaf = Libraries.of(frames.getFirst().getMethod().getType().getName());
                pipestore.merge(innermostPipestoreFrame(frames) + " → " + leaf, 1L, Long::sum);
            }
        }
        return new Profile(side, file, window, sampleMillis, largestFirst(groups, Integer.MAX_VALUE), largestFirst(top, TOP),
                largestFirst(pipestore, TOP));
    }

    /** The deepest frame of pipestore's own code: the step of pipestore that the sample's work belongs to. */
    private static String innermostPipestoreFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("dev.pipestore.") && !type.startsWith("dev.pipestore.benchmarks.")
                    && !type.startsWith("dev.pipestore.testing.")) {
                return name(frame.getMethod());
            }
        }
        return "(no pipestore frame: the raw client, the HTTP server framework or the benchmark itself)";
    }

    private static String name(RecordedMethod method) {
        String type = method.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName();
    }

    private static List<Profile.Count> largestFirst(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new Profile.Count(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public String toString() {
        return "SampleSummary[" + side + ", " + file + "]";
    }
}
