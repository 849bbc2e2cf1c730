package dev.pipestore.cli;

import dev.pipestore.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failed command into one clear line on stderr and exit code 1; stack traces only with PIPESTORE_DEBUG set. */
final class ErrorReporter implements IExecutionExceptionHandler {

    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        String message = e instanceof StoreException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        commandLine.getErr().println("pipestore: " + message);
        if (System.getenv("PIPESTORE_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        }
        return FAILURE;
    }
}
