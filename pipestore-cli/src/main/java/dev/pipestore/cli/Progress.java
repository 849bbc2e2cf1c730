package dev.pipestore.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress bar on stderr, drawn only when a person is watching (a terminal) and the work is big enough
 * to wait for; otherwise silent, so scripts and pipes see clean output. The bar follows the bytes read, so a single
 * large file moves it too; once a file is read whole the line says it is being stored.
 */
final class Progress {

    private static final int WIDTH = 30;
    private static final long BIG_BYTES = 64L * 1024 * 1024;
    private static final int MANY_FILES = 5;
    /** Redraws at most this often: a terminal needs no more, and a 2 GiB file is read in 64 KiB steps. */
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final PrintStream err;
    private final boolean enabled;
    private final long totalFiles;
    private final long totalBytes;
    private long lastDrawn = System.nanoTime() - REDRAW_NANOS;
    private long filesDone;
    private long bytesDone;

    private Progress(PrintStream err, boolean enabled, long totalFiles, long totalBytes) {
        this.err = err;
        this.enabled = enabled;
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
    }

    static Progress forFiles(long totalFiles, long totalBytes) {
        boolean worthIt = totalFiles >= MANY_FILES || totalBytes >= BIG_BYTES;
        return new Progress(System.err, isTerminal() && stderrIsTerminal() && worthIt, totalFiles, totalBytes);
    }

    /**
     * The bar is drawn on stderr, which may be redirected while stdout is a terminal ({@code 2>log}); a log is no place
     * for carriage returns. Linux names the terminal behind fd 2; elsewhere the console's word has to do.
     */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (!Files.exists(fd, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
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

    /** Wraps the content of the next file so reading it moves the bar; its bytes count as done once read. */
    InputStream track(InputStream content) {
        if (!enabled) {
            return content;
        }
        draw("");
        return new FilterInputStream(content) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                advance(b == -1 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                advance(n);
                return n;
            }
        };
    }

    private void advance(int n) {
        if (n == -1) {
            draw(" storing");
        } else if (n > 0) {
            bytesDone += n;
            if (System.nanoTime() - lastDrawn >= REDRAW_NANOS) {
                draw("");
            }
        }
    }

    /** Counts one more file as finished whose {@code bytes} were not read through {@link #track}. */
    void fileDone(long bytes) {
        bytesDone += bytes;
        filesDone++;
        if (enabled && System.nanoTime() - lastDrawn >= REDRAW_NANOS) {
            draw("");
        }
    }

    /** Counts one more file as finished, stored or refused. */
    void fileDone() {
        filesDone++;
        if (enabled) {
            draw("");
        }
    }

    private void draw(String state) {
        double share = totalBytes > 0 ? (double) bytesDone / totalBytes : (double) filesDone / Math.max(1, totalFiles);
        int filled = (int) Math.round(Math.min(1, share) * WIDTH);
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d files, %.1f/%.1f MiB%-8s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                filesDone, totalFiles, bytesDone / 1048576.0, totalBytes / 1048576.0, state);
        err.flush();
        lastDrawn = System.nanoTime();
    }

    /** Clears the line, so what is printed next starts clean; the next draw brings the bar back. */
    void clear() {
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + 48) + "\r");
            err.flush();
        }
    }
}
