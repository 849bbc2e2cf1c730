package dev.pipestore.cli;

import picocli.CommandLine;

/** Entry point of the {@code pipestore} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs one command line and returns its exit code: 0 success, 1 failure, 2 usage error. Output that could not be
     * written (a full disk, a closed pipe) is a failure: {@code cat ID > file} must not report success with the file cut.
     */
    public static int run(String... args) {
        CommandLine commandLine = newCommandLine();
        int exitCode = commandLine.execute(args);
        // PrintStream and PrintWriter keep write errors to themselves; only checkError() tells.
        if (commandLine.getOut().checkError() | System.out.checkError()) {
            commandLine.getErr().println(ErrorReporter.line("could not write to standard output; what was printed is incomplete"));
            commandLine.getErr().flush();
            return exitCode == 0 ? ErrorReporter.FAILURE : exitCode;
        }
        return exitCode;
    }

    static CommandLine newCommandLine() {
        return new CommandLine(new PipestoreCommand())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // picocli would read "@name" as a file of arguments: a key or a file name starting with @ is just that.
                .setExpandAtFiles(false);
    }
}
