package dev.pipestore.cli;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.PageRequest;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pipestore ls}: audio files, newest first, filtered and paged. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List audio files, newest first.")
final class LsCommand implements Callable<Integer> {

    @Option(names = "--status", paramLabel = "S",
            description = "Only this status: uploaded, processing, transcribed, translated, analyzed, failed, archived.")
    String status;

    @Option(names = "--since", paramLabel = "T", description = "Only files created since T: 2026-11-28T10:00:00Z, 2026-11-28, or an age such as 24h or 7d.")
    String since;

    @Option(names = "--language", paramLabel = "L", description = "Only files in this language.")
    String language;

    @Option(names = "--uploaded-by", paramLabel = "NAME",
            description = "Only files uploaded by NAME: an API key's id for HTTP uploads, ingest's --uploaded-by otherwise.")
    String uploadedBy;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N files (1-1000, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "C", description = "Continue after the page that printed this cursor.")
    String cursor;

    @Option(names = "--json", description = "Print {\"items\": [...], \"next_cursor\": ...}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AudioFileQuery query = new AudioFileQuery(status == null ? null : AudioStatus.parse(status),
                since == null ? null : Inputs.since("--since", since), null, language,
                Fields.uploader("--uploaded-by", uploadedBy));
        PageRequest page = new PageRequest(limit, cursor);
        try (PipeStore store = Stores.open()) {
            new Output(spec.commandLine().getOut(), json).page(store.audio().list(query, page), LsCommand::row);
        }
        return 0;
    }

    private static String row(AudioFile file) {
        return String.format(Locale.ROOT, "%s  %s  %-11s %-4s %8.1fs  %s", file.id(), file.createdAt(), file.status().wireName(),
                file.format(), file.durationPrecise(), file.originalName());
    }
}
