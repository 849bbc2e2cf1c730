package dev.pipestore.benchmarks.report;

import dev.pipestore.benchmarks.driver.Spread;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Number formats of the report: three significant figures are all a noisy two-core machine can vouch for. */
final class Numbers {

    private static final Pattern HEAP = Pattern.compile("(\\d+)([kKmMgG]?)");

    private Numbers() {}

    static String rate(double value) {
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String range(Spread s) {
        return rate(s.min()) + "–" + rate(s.max());
    }

    /** Milliseconds to about three significant figures, down to the microsecond costs of a cache hit. */
    static String millis(double value) {
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, value >= 0.1 ? "%.3f" : "%.4f", value);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    /** An {@code -Xmx} value such as {@code 256m} or {@code 1g} in bytes; -1 when it is not of that form. */
    static long parseHeap(String xmx) {
        Matcher m = HEAP.matcher(xmx.strip());
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }
}
