package dev.pipestore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.SchemaStatus;
import dev.pipestore.catalog.SchemaStatus.State;
import dev.pipestore.config.ConfigurationException;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.health.HealthChecks;
import dev.pipestore.health.HealthReport;
import dev.pipestore.health.PortHealth;
import dev.pipestore.wiring.Backends;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pipestore doctor}: the resolved configuration, the backend behind each port, and whether each answers. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Show the configuration, whether each backend answers, and the schema version.",
                       "Secrets are redacted; latencies are shown. Exits 1 when a backend does not",
                       "answer, a directory is unusable, or the catalog schema is newer than this",
                       "pipestore, failed part-way, untracked or unreadable (pending migrations are",
                       "applied on open)."})
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StoreConfig config = StoreConfig.fromEnv();
        HealthReport report = HealthChecks.check(config);
        String directories = directoryProblem(config);
        Schema schema = catalogUp(report) ? Schema.of(config) : new Schema(null, "not checked: the catalog does not answer");
        boolean ok = report.allUp() && directories == null && schema.usable();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = toJson(config, report);
            root.putObject("directories").put("status", directories == null ? "ok" : "unusable").put("error", directories);
            schema.addTo(root.putObject("schema"));
            root.put("ok", ok);
            out.println(Metadata.toJson(root));
        } else {
            printText(out, config, report);
            out.println(directories == null ? "Temporary and archive directories are writable."
                    : "Directories: " + directories);
            out.println("Catalog schema: " + schema.line());
        }
        out.flush();
        return ok ? 0 : ErrorReporter.FAILURE;
    }

    private static boolean catalogUp(HealthReport report) {
        return report.ports().stream().anyMatch(port -> port.port().equals("catalog") && port.up());
    }

    /** The catalog schema's state, or why it could not be read. */
    private record Schema(SchemaStatus status, String error) {

        static Schema of(StoreConfig config) {
            try {
                return new Schema(HealthChecks.schema(config), null);
            } catch (StoreException e) {
                return new Schema(null, "could not be read: " + e.getMessage());
            }
        }

        /** Pending migrations are applied when the store opens; a schema ahead of this code or half-migrated is not. */
        boolean usable() {
            return status != null && (status.state() == State.CURRENT || status.state() == State.PENDING);
        }

        String line() {
            return status == null ? error : status.summary();
        }

        void addTo(ObjectNode node) {
            node.put("state", status == null ? "unknown" : status.state().wireName());
            node.put("version", status == null ? null : status.version());
            node.put("latest", status == null ? null : status.latest());
            if (status == null) {
                node.putNull("pending");
            } else {
                node.put("pending", status.pending());
            }
            node.put("error", status == null ? error : usable() ? null : status.summary());
        }
    }

    /** What ingest and serve would refuse to start with: a temporary or archive directory they cannot write. */
    private static String directoryProblem(StoreConfig config) {
        try {
            Backends.prepareDirectories(config);
            return null;
        } catch (ConfigurationException e) {
            return e.getMessage();
        }
    }

    private static void printText(PrintWriter out, StoreConfig config, HealthReport report) {
        out.println("Configuration");
        for (Map.Entry<String, String> line : ResolvedConfiguration.of(config).entrySet()) {
            out.printf("  %-22s %s%n", line.getKey(), line.getValue());
        }
        out.println();
        out.println("Backends");
        for (PortHealth port : report.ports()) {
            out.printf("  %-13s %-4s %6s ms  %s (%s)%n", port.port(), port.up() ? "up" : "DOWN", millis(port),
                    port.backend(), port.embedded() ? "embedded" : "configured");
            if (!port.up()) {
                out.printf("  %-13s      %s%n", "", port.error());
            }
        }
        out.println();
        out.println(report.allUp() ? "All backends answer." : "Some backends do not answer.");
    }

    private static ObjectNode toJson(StoreConfig config, HealthReport report) {
        ObjectNode root = Metadata.MAPPER.createObjectNode();
        ObjectNode configuration = root.putObject("configuration");
        ResolvedConfiguration.of(config).forEach(configuration::put);
        ArrayNode backends = root.putArray("backends");
        for (PortHealth port : report.ports()) {
            ObjectNode node = backends.addObject();
            node.put("port", port.port());
            node.put("backend", port.backend());
            node.put("embedded", port.embedded());
            node.put("status", port.up() ? "up" : "down");
            node.put("latency_ms", Double.parseDouble(millis(port)));
            node.put("error", port.error());
        }
        root.put("ok", report.allUp());
        return root;
    }

    private static String millis(PortHealth port) {
        return String.format(Locale.ROOT, "%.1f", port.latency().toNanos() / 1e6);
    }
}
