package dev.pipestore.cli;

import dev.pipestore.NotFoundException;
import dev.pipestore.PipeStore;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pipestore get ID}: the record of an audio file or text document. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show the record of an audio file or text document.")
final class GetCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "Id of an audio file or text document.")
    String id;

    @Option(names = "--json", description = "Print the record as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UUID parsed = Inputs.id("ID", id);
        try (PipeStore store = Stores.open()) {
            Object record = store.audio().find(parsed).map(Object.class::cast)
                    .or(() -> store.texts().find(parsed))
                    .orElseThrow(() -> new NotFoundException("audio file or text document", id));
            new Output(spec.commandLine().getOut(), json).record(record);
        }
        return 0;
    }
}
