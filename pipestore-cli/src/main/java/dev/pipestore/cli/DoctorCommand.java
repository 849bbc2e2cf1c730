package dev.pipestore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.Metadata;
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
        description = {"Show the configuration, the backend behind each port, and whether each answers.",
                       "Secrets are redacted; latencies are shown. Exits 1 when a backend does not answer."})
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
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = toJson(config, report);
            root.putObject("directories").put("status", directories == null ? "ok" : "unusable").put("error", directories);
            root.put("ok", report.allUp() && directories == null);
            out.println(Metadata.toJson(root));
        } else {
            printText(out, config, report);
            out.println(directories == null ? "Temporary and archive directories are writable."
                    : "Directories: " + directories);
        }
        out.flush();
        return report.allUp() && directories == null ? 0 : ErrorReporter.FAILURE;
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
