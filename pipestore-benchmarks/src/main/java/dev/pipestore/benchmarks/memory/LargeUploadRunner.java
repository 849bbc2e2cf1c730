package dev.pipestore.benchmarks.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the memory check: runs {@link LargeUploadServer} (pipestore's server) in a child JVM with a small
 * heap and GC logging, streams a large WAV from disk to it with {@code POST /v1/audio} and the ingest key, and reports
 * the upload's time and the server's heap. The file is never held in memory on either side: the client sends it with
 * {@link HttpRequest.BodyPublishers#ofFile}, the server spools the body to disk.
 */
public final class LargeUploadRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String maxHeap;
    private final Path workDir;

    /** @param maxHeap the server's {@code -Xmx}, such as {@code 256m} */
    public LargeUploadRunner(String maxHeap, Path workDir) {
        this.maxHeap = maxHeap;
        this.workDir = workDir;
    }

    /** Uploads {@code wav} to a child server with exactly the pipestore variables in {@code environment}. */
    public LargeIngestResult run(String backends, Path wav, Map<String, String> environment) throws IOException, InterruptedException {
        Path gcLog = Files.createTempFile(workDir, "gc-server-", ".log");
        Path errors = Files.createTempFile(workDir, "large-upload-server-", ".err");
        List<String> command = new ArrayList<>(List.of(LargeIngestRunner.javaBinary(), "-Xmx" + maxHeap,
                "-Xlog:gc:file=" + gcLog, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                LargeUploadServer.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().keySet().removeAll(LargeIngestRunner.pipestoreVariables());
        builder.environment().putAll(environment);
        Process child = builder.start();
        // Bounds the whole check: a stuck child is killed, which closes its output and fails the upload at once.
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!child.waitFor(LargeIngestRunner.TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        });
        // Not a resource: closing it is the signal to stop, given once the upload is done; on failure the child is killed.
        Writer in = child.outputWriter(StandardCharsets.UTF_8);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = awaitLine(out, LargeUploadServer.READY_PREFIX);
            if (ready == null) {
                return failed(backends, wav, gcLog, errors, "the server never came up");
            }
            String[] parts = ready.split(" ");
            URI upload = URI.create("http://127.0.0.1:" + parts[1] + "/v1/audio?name=large-http.wav");
            long size = Files.size(wav);
            long start = System.nanoTime();
            HttpResponse<String> response;
            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                response = http.send(HttpRequest.newBuilder(upload).timeout(LargeIngestRunner.TIMEOUT)
                        .header("Authorization", "Bearer " + parts[2]).header("Content-Type", "audio/wav")
                        .POST(HttpRequest.BodyPublishers.ofFile(wav)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return failed(backends, wav, gcLog, errors, "upload failed: " + e);
            }
            long nanos = System.nanoTime() - start;
            if (response.statusCode() != 201) {
                return failed(backends, wav, gcLog, errors, "upload answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode record = JSON.readTree(response.body());
            in.write("DELETE " + record.path("id").asText() + "\n");
            in.close(); // end of input: the server stops and reports its heap
            String result = awaitLine(out, LargeIngest.RESULT_PREFIX);
            if (record.path("file_size").asLong() != size) {
                return failed(backends, wav, gcLog, errors, "stored " + record.path("file_size") + " bytes of " + size);
            }
            if (!child.waitFor(1, TimeUnit.MINUTES) || child.exitValue() != 0 || result == null) {
                return failed(backends, wav, gcLog, errors, "the server did not stop cleanly");
            }
            Map<String, String> fields = LargeIngestRunner.parse(result.substring(LargeIngest.RESULT_PREFIX.length()));
            GcLog gc = GcLog.read(gcLog);
            return new LargeIngestResult(backends, maxHeap, true, size, nanos, Long.parseLong(fields.get("peakHeapBytes")), gc,
                    fields.get("gc"), "");
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly().waitFor();
            }
            watchdog.interrupt();
            Files.deleteIfExists(gcLog);
            Files.deleteIfExists(errors);
        }
    }

    private static String awaitLine(BufferedReader out, String prefix) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    private LargeIngestResult failed(String backends, Path wav, Path gcLog, Path errors, String why) throws IOException {
        GcLog gc = Files.exists(gcLog) ? GcLog.read(gcLog) : new GcLog(0, 0, 0);
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
        String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return new LargeIngestResult(backends, maxHeap, false, Files.size(wav), 0, 0, gc, "", why + (tail.isEmpty() ? "" : "; " + tail));
    }
}
