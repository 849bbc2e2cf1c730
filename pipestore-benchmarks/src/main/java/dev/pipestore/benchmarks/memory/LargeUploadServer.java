package dev.pipestore.benchmarks.memory;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.Role;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.server.PipestoreServer;
import dev.pipestore.server.ServerSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Child-JVM entry point of the HTTP memory check: serves the HTTP API over the backends the environment names on a
 * loopback port, prints {@code READY <port> <ingest key>}, then reads commands on stdin: {@code DELETE <id>} deletes an
 * upload (to free the disk at once); end of input stops the server and prints one {@code RESULT} line with the heap.
 * {@link LargeUploadRunner} starts it with a small {@code -Xmx} and does the upload.
 */
public final class LargeUploadServer {

    static final String READY_PREFIX = "READY ";

    private LargeUploadServer() {}

    public static void main(String[] args) throws Exception {
        try (HeapWatcher heap = new HeapWatcher(); PipeStore store = PipeStore.open(StoreConfig.fromEnv())) {
            String key = store.apiKeys().create(Role.INGEST, "bench-large-upload").secret();
            PipestoreServer server = PipestoreServer.start(store, ServerSettings.defaults().withBind("127.0.0.1").withPort(0));
            System.out.println(READY_PREFIX + server.port() + " " + key);
            System.out.flush();
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = commands.readLine()) != null; ) {
                if (line.startsWith("DELETE ")) {
                    store.audio().delete(UUID.fromString(line.substring("DELETE ".length()).strip()));
                }
            }
            server.stop();
            System.out.println(LargeIngest.RESULT_PREFIX + "peakHeapBytes=" + heap.peakBytes()
                    + " maxHeapBytes=" + Runtime.getRuntime().maxMemory() + " gc=" + collectors());
        }
    }

    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .map(n -> n.replace(' ', '_')).collect(Collectors.joining(","));
    }
}
