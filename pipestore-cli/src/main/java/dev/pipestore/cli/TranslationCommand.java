package dev.pipestore.cli;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.Translation;
import dev.pipestore.results.NewTranslation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pipestore translation add|list}: translations of a transcription. */
@Command(name = "translation", mixinStandardHelpOptions = true, description = "Translations of transcriptions.",
        subcommands = {TranslationCommand.Add.class, TranslationCommand.ListCommand.class})
final class TranslationCommand extends CommandGroup {


    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a translation to a transcription.")
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "TRANSCRIPTION_ID", description = "The transcription translated.")
        String transcriptionId;

        @Option(names = "--text-file", paramLabel = "F", required = true, description = "The translation (UTF-8 text file).")
        Path textFile;

        @Option(names = "--target", paramLabel = "L", required = true, description = "BCP 47 target language.")
        String target;

        @Option(names = "--source", paramLabel = "L", description = "BCP 47 source language (default: the transcription's).")
        String source;

        @Option(names = "--model", paramLabel = "M", description = "Model version that produced it.")
        String model;

        @Option(names = "--confidence", paramLabel = "C", description = "Confidence between 0 and 1.")
        Double confidence;

        @Option(names = "--idempotency-key", paramLabel = "K",
                description = "Retry key, unique per transcription: running again with K returns the first translation.")
        String idempotencyKey;

        @Option(names = "--json", description = "Print the record as JSON.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            UUID transcription = Inputs.id("TRANSCRIPTION_ID", transcriptionId);
            Fields.idempotencyKey("--idempotency-key", idempotencyKey);
            String content = Inputs.utf8File("--text-file", textFile);
            try (PipeStore store = Stores.open()) {
                Translation stored = store.translations().add(transcription,
                        new NewTranslation(content, source, target, confidence, model, null), idempotencyKey);
                TranscriptionCommand.print(spec, json, stored);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List translations of a transcription, newest first.")
    static final class ListCommand implements Callable<Integer> {

        @Parameters(paramLabel = "TRANSCRIPTION_ID", description = "The transcription.")
        String transcriptionId;

        @Option(names = "--target", paramLabel = "L", description = "Only this target language.")
        String target;

        @Option(names = "--json", description = "Print {\"items\": [...]}.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            UUID transcription = Inputs.id("TRANSCRIPTION_ID", transcriptionId);
            try (PipeStore store = Stores.open()) {
                new Output(spec.commandLine().getOut(), json)
                        .list(store.translations().listForTranscription(transcription, target), TranslationCommand::row);
            }
            return 0;
        }
    }

    private static String row(Translation t) {
        String text = t.content().length() > 60 ? t.content().substring(0, 57) + "..." : t.content();
        return String.format(Locale.ROOT, "%s  %s  %s->%-6s %-20s %s", t.id(), t.createdAt(), t.sourceLanguage(),
                t.targetLanguage(), t.modelVersion() == null ? "-" : t.modelVersion(), text.replace('\n', ' '));
    }
}
