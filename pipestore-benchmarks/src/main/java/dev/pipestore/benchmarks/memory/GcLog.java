package dev.pipestore.benchmarks.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap figures of a unified GC log ({@code -Xlog:gc}): each collection logs {@code before->after(committed)}.
 *
 * @param collections how many collections ran
 * @param maxBeforeBytes the fullest the heap was when a collection started
 * @param maxAfterBytes the most that survived a collection: the live set's high-water mark
 */
record GcLog(int collections, long maxBeforeBytes, long maxAfterBytes) {

    private static final Pattern SIZES = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    static GcLog read(Path log) throws IOException {
        int collections = 0;
        long before = 0;
        long after = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = SIZES.matcher(line);
            if (m.find()) {
                collections++;
                before = Math.max(before, bytes(m.group(1), m.group(2)));
                after = Math.max(after, bytes(m.group(3), m.group(4)));
            }
        }
        return new GcLog(collections, before, after);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
