package dev.pipestore.cli;

import dev.pipestore.InvalidInputException;
import dev.pipestore.StoreException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Turns a failed command into one clear line on stderr and exit code 1; stack traces only with PIPESTORE_DEBUG set. */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final int FAILURE = 1;

    /** Record fields whose option has another name than {@code --field-name}. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.of("target_language", "--target",
            "source_language", "--source", "model_version", "--model", "content", "--text-file");

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        String message = e instanceof StoreException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof InvalidInputException invalid) {
            String option = optionNaming(commandLine.getCommandSpec(), invalid.field());
            if (option != null) {
                message = option + ": " + invalid.reason();
            }
        }
        commandLine.getErr().println(line(message));
        if (System.getenv("PIPESTORE_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        }
        return FAILURE;
    }

    /**
     * The command's option for a refused record field ({@code language} is {@code --language}, {@code target_language}
     * is {@code --target}), so the message names what the user typed; {@code null} when the command has none.
     */
    private static String optionNaming(CommandSpec command, String field) {
        String option = OPTION_OF_FIELD.getOrDefault(field, "--" + field.replace('_', '-'));
        return command.findOption(option) != null ? option : null;
    }

    /**
     * {@code pipestore: message} as one line that shows what it says: a control character from the user's input (a
     * newline in a file name, a terminal escape) is written as {@code \\uXXXX}, never passed to the terminal.
     */
    static String line(String message) {
        return "pipestore: " + printable(message);
    }

    /** {@code text} with each control character written as {@code \\uXXXX}: one line, nothing for the terminal to act on. */
    static String printable(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                line.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.toString();
    }
}
