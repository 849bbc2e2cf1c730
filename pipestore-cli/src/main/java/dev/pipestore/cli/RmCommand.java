package dev.pipestore.cli;

import dev.pipestore.ConflictException;
import dev.pipestore.NotFoundException;
import dev.pipestore.PipeStore;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.AudioFileDeletion;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pipestore rm ID...}: deletes audio files and text documents, each row before its object. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Delete audio files or text documents by id: each row, then its stored object.",
                       "An audio file with transcriptions or analysis results is refused unless",
                       "--cascade is given. Every id is checked first: a malformed one deletes",
                       "nothing. Ids refused after that (not found, still referenced) are reported",
                       "on stderr and the rest still deleted; exit 1 if any was refused."})
final class RmCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Ids of audio files or text documents.")
    List<String> ids;

    @Option(names = "--cascade",
            description = "Delete an audio file's transcriptions, their translations and the analysis results of either with it"
                    + " (erasure: nothing derived from the recording is left).")
    boolean cascade;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Every id is checked before anything is deleted: a typo in the third id should not leave the first two gone.
        List<UUID> parsed = ids.stream().map(id -> Inputs.id("ID", id)).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int refused = 0;
        try (PipeStore store = Stores.open()) {
            for (UUID id : parsed) {
                try {
                    out.println(ErrorReporter.printable(delete(store, id)));
                    out.flush();
                } catch (StoreException e) {
                    refused++;
                    err.println(ErrorReporter.line(e.getMessage()));
                    err.flush();
                }
            }
        }
        return refused == 0 ? 0 : ErrorReporter.FAILURE;
    }

    /** What was deleted, as one output line. */
    private String delete(PipeStore store, UUID id) {
        if (store.audio().find(id).isPresent()) {
            if (cascade) {
                Optional<AudioFileDeletion> deletion = store.audio().deleteWithDependents(id);
                if (deletion.isPresent()) {
                    return id + "  audio file deleted with " + dependents(deletion.get());
                }
            } else if (deleteAlone(store, id)) {
                return id + "  audio file deleted";
            }
        }
        if (store.texts().delete(id)) {
            return id + "  text document deleted";
        }
        throw new NotFoundException("audio file or text document", id.toString());
    }

    private static boolean deleteAlone(PipeStore store, UUID id) {
        try {
            return store.audio().delete(id);
        } catch (ConflictException e) {
            throw new ConflictException(e.getMessage() + " (--cascade)", e);
        }
    }

    private static String dependents(AudioFileDeletion deletion) {
        return count(deletion.transcriptionIds().size(), "transcription") + ", "
                + count(deletion.translations().size(), "translation") + ", "
                + count(deletion.analysisResults(), "analysis result");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
