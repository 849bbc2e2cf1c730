package dev.pipestore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the CLI in a child JVM with exactly the environment a test gives it, as a user's shell would. */
final class CliProcess {

    private static final long TIMEOUT_SECONDS = 90;

    private CliProcess() {}

    /** The outcome of one run. */
    record Result(int exitCode, String stdout, String stderr) {}

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Raw raw = runRaw(env, args);
        return new Result(raw.exitCode(), new String(raw.stdout(), StandardCharsets.UTF_8), raw.stderr());
    }

    /** Runs a command whose stdout is binary, and checks it succeeded. */
    static byte[] runBinary(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Raw raw = runRaw(env, args);
        if (raw.exitCode() != 0) {
            throw new AssertionError("pipestore " + String.join(" ", args) + " exited " + raw.exitCode() + ": " + raw.stderr());
        }
        return raw.stdout();
    }

    /**
     * Runs the CLI on a pseudo-terminal made by util-linux {@code script}, as a person at a terminal does. What the
     * terminal showed, stdout and stderr together, comes back as {@link Result#stdout()}.
     */
    static Result runOnTerminal(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String shellCommand = String.join(" ", cliCommand(args).stream().map(CliProcess::shellQuoted).toList());
        Raw raw = runRaw(env, List.of("script", "--quiet", "--return", "--command", shellCommand, "/dev/null"));
        return new Result(raw.exitCode(), new String(raw.stdout(), StandardCharsets.UTF_8), raw.stderr());
    }

    /** As {@link #runOnTerminal}, with the command's stderr redirected to {@code stderr} while stdout stays the terminal. */
    static Result runOnTerminalWithStderrTo(Path stderr, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        String shellCommand = String.join(" ", cliCommand(args).stream().map(CliProcess::shellQuoted).toList())
                + " 2>" + shellQuoted(stderr.toString());
        Raw raw = runRaw(env, List.of("script", "--quiet", "--return", "--command", shellCommand, "/dev/null"));
        return new Result(raw.exitCode(), new String(raw.stdout(), StandardCharsets.UTF_8), Files.readString(stderr));
    }

    /**
     * Runs the CLI from bash with {@code shellWords} after {@code args}, unquoted: for arguments Java cannot pass, such
     * as a file name that is not valid UTF-8 ({@code "$(printf '\\377').wav"}).
     */
    static Result runInShell(Map<String, String> env, String shellWords, String... args)
            throws IOException, InterruptedException {
        String shellCommand = String.join(" ", cliCommand(args).stream().map(CliProcess::shellQuoted).toList()) + " "
                + shellWords;
        Raw raw = runRaw(env, List.of("bash", "-c", shellCommand));
        return new Result(raw.exitCode(), new String(raw.stdout(), StandardCharsets.UTF_8), raw.stderr());
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private record Raw(int exitCode, byte[] stdout, String stderr) {}

    private static List<String> cliCommand(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        // A command lives a second or two: the C2 compiler and a parallel collector only cost CPU there (about 40 % of
        // a child's on two shared cores), which the many child JVMs of these tests add up to minutes of.
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a command whose stdout goes to {@code /dev/full}, where every write fails as on a full disk. */
    static Result runIntoFullDisk(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Raw raw = runRaw(env, cliCommand(args), Path.of("/dev/full"));
        return new Result(raw.exitCode(), "", raw.stderr());
    }

    private static Raw runRaw(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return runRaw(env, cliCommand(args));
    }

    private static Raw runRaw(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("pipestore-cli-out", ".txt");
        try {
            return runRaw(env, command, out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Raw runRaw(Map<String, String> env, List<String> command, Path out) throws IOException, InterruptedException {
        Path err = Files.createTempFile("pipestore-cli-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            byte[] stdout = Files.isRegularFile(out) ? Files.readAllBytes(out) : new byte[0];
            return new Raw(process.exitValue(), stdout, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
