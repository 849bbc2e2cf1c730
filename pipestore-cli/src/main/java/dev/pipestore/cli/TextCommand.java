package dev.pipestore.cli;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.ingest.TextUpload;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pipestore text add FILE}: stores a raw UTF-8 text document. */
@Command(name = "text", mixinStandardHelpOptions = true, description = "Raw text documents.",
        subcommands = TextCommand.Add.class)
final class TextCommand extends CommandGroup {


    @Command(name = "add", mixinStandardHelpOptions = true, description = "Store a UTF-8 text file under raw/text/YYYY-MM-DD/.")
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The text file (UTF-8).")
        Path file;

        @Option(names = "--language", paramLabel = "L", description = "BCP 47 language of the text.")
        String language;

        @Option(names = "--metadata", paramLabel = "JSON", description = "A JSON object stored with the document.")
        String metadata;

        @Option(names = "--idempotency-key", paramLabel = "K", description = "Retry key: the same key returns the same record.")
        String idempotencyKey;

        @Option(names = "--json", description = "Print the record as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            TextUpload upload = new TextUpload(name, language, Inputs.metadata("--metadata", metadata), idempotencyKey);
            try (PipeStore store = Stores.open()) {
                TextDocument stored = store.texts().add(file, upload);
                var out = spec.commandLine().getOut();
                if (json) {
                    new Output(out, true).record(stored);
                } else {
                    out.println(stored.id() + "  " + file + "  " + stored.fileSize() + " bytes");
                    out.flush();
                }
            }
            return 0;
        }
    }
}
