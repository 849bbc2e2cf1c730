package dev.pipestore.server;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.Role;
import dev.pipestore.config.StoreConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;

/**
 * A server in a JVM of its own, for tests that need to bound its heap: {@code ChildServer DATA_DIR} prints
 * {@code READY <port> <ingest key>}, serves until stdin closes, then prints {@code PEAK_HEAP <bytes>}, the most heap
 * its long-lived (tenured) generation ever held, and exits.
 */
public final class ChildServer {

    private ChildServer() {}

    public static void main(String[] args) throws Exception {
        try (PipeStore store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", args[0])))) {
            String key = store.apiKeys().create(Role.INGEST, "child").secret();
            PipestoreServer server = PipestoreServer.start(store, ServerSettings.defaults().withPort(0));
            System.out.println("READY " + server.port() + " " + key);
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the parent closes our stdin
            }
            server.stop();
            System.out.println("PEAK_HEAP " + peakTenured());
        }
    }

    /**
     * The tenured generation's peak: what survived collections, so what the server really held. The young generation's
     * peak is only garbage waiting for the next collection, and is left out.
     */
    private static long peakTenured() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Tenured")) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
