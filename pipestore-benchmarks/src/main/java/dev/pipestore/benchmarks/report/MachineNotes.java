package dev.pipestore.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** What the figures were measured on, in the order a reader checks it: cores, CPU, memory, JDK, backends, date. */
public final class MachineNotes {

    private final Map<String, String> notes = new LinkedHashMap<>();

    private MachineNotes() {}

    /** Reads this machine and JVM; backend versions are added by the caller once it has connected. */
    public static MachineNotes ofThisMachine(String commit) {
        MachineNotes m = new MachineNotes();
        m.put("date (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("pipestore commit", commit);
        m.put("nproc", String.valueOf(Runtime.getRuntime().availableProcessors()));
        m.put("CPU", procField("/proc/cpuinfo", "model name"));
        m.put("memory", memory());
        m.put("load average at start (1, 5, 15 min)", loadAverage());
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        m.put("benchmark JVM", "max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(" + ")));
        m.put("S3Proxy", "in-process, filesystem-nio2 backend, version " + mavenVersion("org.gaul", "s3proxy"));
        m.put("AWS SDK", mavenVersion("software.amazon.awssdk", "s3") + ", Apache 5 HTTP client");
        m.put("pgJDBC", org.postgresql.util.DriverInfo.DRIVER_VERSION);
        m.put("Lettuce", mavenVersion("io.lettuce", "lettuce-core"));
        return m;
    }

    public void put(String name, String value) {
        notes.put(name, value == null || value.isBlank() ? "unknown" : value);
    }

    public Map<String, String> asMap() {
        return Map.copyOf(notes);
    }

    /** A two-column markdown table. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("| | |\n|---|---|\n");
        notes.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.toString();
    }

    private static String procField(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String memory() {
        String total = procField("/proc/meminfo", "MemTotal");
        if (!total.endsWith(" kB")) {
            return total;
        }
        return String.format(java.util.Locale.ROOT, "%.1f GiB", Long.parseLong(total.replace(" kB", "").trim()) / (double) (1 << 20));
    }

    private static String loadAverage() {
        List<String> fields = List.of(firstLine("/proc/loadavg").split(" "));
        return fields.size() < 3 ? "" : String.join(" ", fields.subList(0, 3));
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file)).stream().findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    /** The version Maven recorded in the dependency's jar; the shaded benchmark jar keeps these files. */
    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = MachineNotes.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "");
        } catch (IOException e) {
            return "";
        }
    }
}
