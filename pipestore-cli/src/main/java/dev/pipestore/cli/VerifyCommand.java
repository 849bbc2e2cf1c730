package dev.pipestore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.StorageTotal;
import dev.pipestore.catalog.StorageUsage;
import dev.pipestore.catalog.TimeBounds;
import dev.pipestore.ingest.Orphans;
import dev.pipestore.integrity.Finding;
import dev.pipestore.integrity.LiveDataCheck;
import dev.pipestore.integrity.LiveDataCheck.Options;
import dev.pipestore.integrity.LiveDataCheck.Summary;
import dev.pipestore.json.RecordJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pipestore verify}: every stored record's object against its row, and the orphans no row names. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check live data: each stored record's object against its row, and the orphans.",
                       "Every audio file's and text document's object must exist with the size its",
                       "row recorded (--deep: and its SHA-256, reading every byte); orphans are",
                       "objects no row names, left by interrupted ingests. One line per finding, then",
                       "a summary. Exit 1 if a record's object is missing, of the wrong size or",
                       "damaged; orphans alone are harmless and exit 0."})
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--deep", description = "Read every object whole and compare its SHA-256 (slow: reads all stored bytes).")
    boolean deep;

    @Option(names = "--orphan-grace", paramLabel = "AGE", defaultValue = "1h",
            description = "How old an object without a row must be to count as an orphan, e.g. 30m, 1h, 7d (default ${DEFAULT-VALUE};"
                    + " at least 10m with --sweep-orphans).")
    String orphanGrace;

    @Option(names = "--sweep-orphans", description = "Delete the orphans found (each is checked once more just before).")
    boolean sweepOrphans;

    @Option(names = "--json", description = "Print {\"findings\": [...], \"summary\": {...}, \"ok\": ...}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Duration grace = TimeBounds.parseAge("--orphan-grace", orphanGrace);
        if (sweepOrphans) {
            Orphans.requireSweepGrace("--orphan-grace", grace);
        }
        PrintWriter out = spec.commandLine().getOut();
        ArrayNode findings = Metadata.MAPPER.createArrayNode();
        Summary summary;
        try (PipeStore store = Stores.open()) {
            // For the progress bar only; a catalog without the ability leaves it without totals.
            List<StorageTotal> totals = store.catalog() instanceof StorageUsage usage ? usage.storageTotals() : List.of();
            Progress progress = Progress.forFiles(totals.stream().mapToLong(StorageTotal::objects).sum(),
                    totals.stream().mapToLong(StorageTotal::bytes).sum());
            try {
                summary = store.liveDataCheck().run(new Options(deep, grace, sweepOrphans), finding -> {
                    progress.clear();
                    if (json) {
                        findings.add(RecordJson.toTree(finding));
                    } else {
                        out.println(line(finding));
                        out.flush();
                    }
                }, (record, size) -> progress.fileDone(size));
            } finally {
                progress.clear();
            }
        }
        if (json) {
            ObjectNode root = Metadata.MAPPER.createObjectNode();
            root.set("findings", findings);
            root.set("summary", RecordJson.toTree(summary));
            root.put("ok", summary.intact());
            out.println(Metadata.toJson(root));
        } else {
            out.println(summary(summary));
        }
        out.flush();
        return summary.intact() ? 0 : ErrorReporter.FAILURE;
    }

    private static String line(Finding finding) {
        String subject = finding.record() == null ? finding.objectKey()
                : finding.record() + " " + finding.id() + " (" + finding.objectKey() + ")";
        return ErrorReporter.printable(String.format(Locale.ROOT, "%-10s %s: %s", finding.kind().wireName(), subject,
                finding.detail()));
    }

    private String summary(Summary s) {
        return String.format(Locale.ROOT, "Checked %d audio file%s and %d text document%s%s: %s; %d orphan%s%s.",
                s.audioFiles(), s.audioFiles() == 1 ? "" : "s", s.textDocuments(), s.textDocuments() == 1 ? "" : "s",
                deep ? String.format(Locale.ROOT, " (read %.1f MiB)", s.bytesRead() / 1048576.0) : "",
                s.intact() ? "every object is there" + (deep ? ", whole" : " with its recorded size")
                        : s.broken() + " with a missing, wrong-sized or damaged object",
                s.orphans(), s.orphans() == 1 ? "" : "s", sweepOrphans ? " (" + s.orphansSwept() + " deleted)" : "");
    }
}
