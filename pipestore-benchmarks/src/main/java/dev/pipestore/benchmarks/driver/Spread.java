package dev.pipestore.benchmarks.driver;

import java.util.Arrays;
import java.util.List;

/**
 * Median, minimum and maximum of a few repeated measurements: with a handful of repetitions on a noisy machine the
 * median is the honest centre and min-max the honest spread, where a mean and standard deviation would pretend to more.
 */
public record Spread(double median, double min, double max) {

    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1]);
    }

    public static Spread of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    /** Every figure multiplied by {@code factor}, for a change of unit. */
    public Spread times(double factor) {
        return new Spread(median * factor, min * factor, max * factor);
    }
}
