package dev.pipestore.audio;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command-line audio tools the tests generate samples with, each under a timeout. */
final class AudioTools {

    private static final long TIMEOUT_SECONDS = 60;
    private static final String INSTALL = "apt-get install -y sox libsox-fmt-all ffmpeg espeak-ng (.ci/run does this)";

    private AudioTools() {
    }

    /** Runs {@code command} and returns its standard output; fails the test, saying what to install, if it cannot. */
    static String run(Path workDir, String... command) {
        try {
            Path out = Files.createTempFile(workDir, "tool", ".out");
            runTo(workDir, out, command);
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read the output of " + command[0], e);
        }
    }

    /** Runs {@code command} with its standard output written to {@code out} (for tools writing audio to a pipe). */
    static void runTo(Path workDir, Path out, String... command) {
        Path log;
        try {
            log = Files.createTempFile(workDir, "tool", ".log");
        } catch (IOException e) {
            throw new AssertionError("cannot create tool logs in " + workDir, e);
        }
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        } catch (IOException e) {
            fail(command[0] + " is not installed or cannot run (" + e.getMessage() + "); install it with: " + INSTALL);
            return;
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                // 127 is the shell's "command not found", for the pipelines run through sh -c.
                String hint = process.exitValue() == 127 ? " (a tool is missing; install it with: " + INSTALL + ")" : "";
                fail(String.join(" ", command) + " exited " + process.exitValue() + hint + ": "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            fail("interrupted while running " + command[0]);
        } catch (IOException e) {
            throw new AssertionError("cannot read the log of " + command[0], e);
        }
    }

    /** sox's own measurement of a file's duration in seconds, the reference the brief trusts. */
    static double soxiSeconds(Path file) {
        return Double.parseDouble(run(file.getParent(), "soxi", "-D", file.toString()).strip());
    }

    /** An ffmpeg command line with the flags every generator wants: quiet, no stdin, overwrite. */
    static String[] ffmpeg(String... args) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y"));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }
}
