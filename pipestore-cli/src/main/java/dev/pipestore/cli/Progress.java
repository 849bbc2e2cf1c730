package dev.pipestore.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, drawn only when a person is watching (a terminal) and the work is big enough
 * to wait for; otherwise silent, so scripts and pipes see clean output.
 */
final class Progress {

    private static final int WIDTH = 30;
    private static final long BIG_BYTES = 64L * 1024 * 1024;
    private static final int MANY_FILES = 5;

    private final PrintStream err;
    private final boolean enabled;
    private final int totalFiles;
    private final long totalBytes;

    private Progress(PrintStream err, boolean enabled, int totalFiles, long totalBytes) {
        this.err = err;
        this.enabled = enabled;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
    }

    static Progress forFiles(int totalFiles, long totalBytes) {
        boolean worthIt = totalFiles >= MANY_FILES || totalBytes >= BIG_BYTES;
        return new Progress(System.err, isTerminal() && worthIt, totalFiles, totalBytes);
    }

    /** From JDK 22 a console exists even when redirected and {@code isTerminal()} tells; on 21 it exists only on a terminal. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    void update(int filesDone, long bytesDone) {
        if (!enabled) {
            return;
        }
        double share = totalBytes > 0 ? (double) bytesDone / totalBytes : (double) filesDone / Math.max(1, totalFiles);
        int filled = (int) Math.round(share * WIDTH);
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d files, %.1f/%.1f MiB", "#".repeat(filled), " ".repeat(WIDTH - filled),
                filesDone, totalFiles, bytesDone / 1048576.0, totalBytes / 1048576.0);
        err.flush();
    }

    void done() {
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
