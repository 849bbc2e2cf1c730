package dev.pipestore.cli;

import dev.pipestore.NotFoundException;
import dev.pipestore.PipeStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pipestore cat ID > file}: streams the stored bytes of an audio file or text document to stdout. */
@Command(name = "cat", mixinStandardHelpOptions = true,
        description = "Write the stored bytes of an audio file or text document to stdout.")
final class CatCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "Id of an audio file or text document.")
    String id;

    @Override
    public Integer call() {
        UUID parsed = Inputs.id("ID", id);
        try (PipeStore store = Stores.open()) {
            InputStream content;
            if (store.audio().find(parsed).isPresent()) {
                content = store.audio().content(parsed);
            } else if (store.texts().find(parsed).isPresent()) {
                content = store.texts().content(parsed);
            } else {
                throw new NotFoundException("audio file or text document", id);
            }
            try (content) {
                content.transferTo(System.out);
                System.out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + id + " to stdout", e);
            }
        }
        return 0;
    }
}
