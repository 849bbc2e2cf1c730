package dev.pipestore.benchmarks.memory;

import dev.pipestore.config.ConfigKeys;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LargeIngest} in a child JVM with a small heap and collects its result line and GC log: the only honest
 * way to show that ingest memory does not grow with the file is a JVM that would die if it did.
 */
public final class LargeIngestRunner {

    /** Far more than a healthy 2 GiB ingest needs on this machine (about 30 s); a stuck child is killed after it. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final String maxHeap;
    private final Path workDir;

    /** @param maxHeap an {@code -Xmx} value such as {@code 128m} */
    public LargeIngestRunner(String maxHeap, Path workDir) {
        this.maxHeap = maxHeap;
        this.workDir = workDir;
    }

    /** Ingests {@code wav} with exactly the pipestore variables in {@code environment}; none are inherited. */
    public LargeIngestResult run(String backends, Path wav, Map<String, String> environment) throws IOException, InterruptedException {
        Path gcLog = Files.createTempFile(workDir, "gc-", ".log");
        Path output = Files.createTempFile(workDir, "large-ingest-", ".out");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + maxHeap, "-Xlog:gc:file=" + gcLog,
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LargeIngest.class.getName(), wav.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeAll(pipestoreVariables());
        env.putAll(environment);
        Process child = builder.start();
        if (!child.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            child.destroyForcibly().waitFor();
            return failed(backends, wav, gcLog, "killed after " + TIMEOUT.toMinutes() + " minutes");
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        String result = lines.stream().filter(l -> l.startsWith(LargeIngest.RESULT_PREFIX)).findFirst().orElse(null);
        if (child.exitValue() != 0 || result == null) {
            String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            return failed(backends, wav, gcLog, "exit " + child.exitValue() + ": " + tail);
        }
        Map<String, String> fields = parse(result.substring(LargeIngest.RESULT_PREFIX.length()));
        GcLog gc = GcLog.read(gcLog);
        Files.deleteIfExists(gcLog);
        return new LargeIngestResult(backends, maxHeap, true, Long.parseLong(fields.get("bytes")),
                Long.parseLong(fields.get("nanos")), Long.parseLong(fields.get("peakHeapBytes")), gc, fields.get("gc"), "");
    }

    private LargeIngestResult failed(String backends, Path wav, Path gcLog, String why) throws IOException {
        GcLog gc = Files.exists(gcLog) ? GcLog.read(gcLog) : new GcLog(0, 0, 0);
        Files.deleteIfExists(gcLog);
        return new LargeIngestResult(backends, maxHeap, false, Files.size(wav), 0, 0, gc, "", why);
    }

    static Map<String, String> parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : line.trim().split(" ")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return fields;
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Every variable pipestore reads, so a developer's own DATABASE_URL cannot leak into the embedded run. */
    static List<String> pipestoreVariables() {
        List<String> names = new ArrayList<>();
        for (Field field : ConfigKeys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().startsWith("DEFAULT_")) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("public constant " + field + " is not readable", e);
                }
            }
        }
        return names;
    }
}
