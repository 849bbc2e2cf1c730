package dev.pipestore.benchmarks.env;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Flushes the file systems after a window's cleanup, so the next window does not pay for this one's writes and
 * deletes. Here that matters: the root file system is ext4 mounted with {@code discard}, where deleting a gigabyte
 * of objects makes the next journal commit trim it, and a window that happens to start then runs at a third of its
 * speed.
 */
public final class DiskSettle {

    /** A sync after a 10 MiB window writes about a gigabyte; far longer means the disk is in trouble. */
    private static final long TIMEOUT_SECONDS = 60;

    private DiskSettle() {}

    public static void sync() throws IOException, InterruptedException {
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        if (!sync.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            sync.destroyForcibly();
            throw new IOException("sync did not finish within " + TIMEOUT_SECONDS + " s");
        }
    }
}
