package dev.pipestore.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.results.NewTranscription;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pipestore transcription add|list}: transcriptions of an audio file. */
@Command(name = "transcription", mixinStandardHelpOptions = true, description = "Transcriptions of audio files.",
        subcommands = {TranscriptionCommand.Add.class, TranscriptionCommand.ListCommand.class})
final class TranscriptionCommand extends CommandGroup {


    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a transcription to an audio file.")
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "AUDIO_ID", description = "The audio file transcribed.")
        String audioId;

        @Option(names = "--text-file", paramLabel = "F", required = true, description = "The transcript (UTF-8 text file).")
        Path textFile;

        @Option(names = "--language", paramLabel = "L", required = true, description = "BCP 47 language of the transcript.")
        String language;

        @Option(names = "--model", paramLabel = "M", description = "Model version that produced it.")
        String model;

        @Option(names = "--confidence", paramLabel = "C", description = "Confidence between 0 and 1.")
        Double confidence;

        @Option(names = "--segments", paramLabel = "JSON_FILE",
                description = "Timed segments: a JSON array of {start, end, text, speaker?, words?}.")
        Path segments;

        @Option(names = "--idempotency-key", paramLabel = "K",
                description = "Retry key, unique per audio file: running again with K returns the first transcription.")
        String idempotencyKey;

        @Option(names = "--json", description = "Print the record as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            UUID audio = Inputs.id("AUDIO_ID", audioId);
            Fields.idempotencyKey("--idempotency-key", idempotencyKey);
            if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
                throw new InvalidInputException("--confidence", "must be between 0 and 1, got " + confidence);
            }
            String content = Inputs.utf8File("--text-file", textFile);
            ObjectNode metadata = segments == null ? null : Inputs.segmentsMetadata("--segments", segments);
            try (PipeStore store = Stores.open()) {
                Transcription stored = store.transcriptions().add(audio,
                        new NewTranscription(content, language, confidence, model, metadata), idempotencyKey);
                print(spec, json, stored);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the transcriptions of an audio file, newest first.")
    static final class ListCommand implements Callable<Integer> {

        @Parameters(paramLabel = "AUDIO_ID", description = "The audio file.")
        String audioId;

        @Option(names = "--latest", description = "Only the newest transcription per model version.")
        boolean latest;

        @Option(names = "--json", description = "Print {\"items\": [...]}.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            UUID audio = Inputs.id("AUDIO_ID", audioId);
            try (PipeStore store = Stores.open()) {
                List<Transcription> found = latest
                        ? store.transcriptions().latestPerModelVersion(audio)
                        : store.transcriptions().listForAudioFile(audio);
                new Output(spec.commandLine().getOut(), json).list(found, TranscriptionCommand::row);
            }
            return 0;
        }
    }

    static void print(CommandSpec spec, boolean json, Object record) {
        new Output(spec.commandLine().getOut(), json).record(record);
    }

    private static String row(Transcription t) {
        String text = t.content().length() > 60 ? t.content().substring(0, 57) + "..." : t.content();
        return String.format(Locale.ROOT, "%s  %s  %-6s %-20s %s", t.id(), t.createdAt(), t.language(),
                t.modelVersion() == null ? "-" : t.modelVersion(), text.replace('\n', ' '));
    }
}
