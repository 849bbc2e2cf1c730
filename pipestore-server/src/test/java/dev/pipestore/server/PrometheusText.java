package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape in the Prometheus text format, read back as samples: what a Prometheus server would see. */
record PrometheusText(String text) {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The value of the one sample named {@code name} whose labels include {@code labels}; fails unless exactly one. */
    double value(String name, Map<String, String> labels) {
        List<Double> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                values.add(Double.parseDouble(sample.group(3)));
            }
        }
        assertThat(values).as("samples of %s%s in\n%s", name, labels, text).hasSize(1);
        return values.get(0);
    }
}
