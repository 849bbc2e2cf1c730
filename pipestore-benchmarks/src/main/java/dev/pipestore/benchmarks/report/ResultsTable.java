package dev.pipestore.benchmarks.report;

import dev.pipestore.benchmarks.driver.RowResult;
import dev.pipestore.benchmarks.driver.Spread;
import java.util.List;

/** The main table of the report: one line per row, ours beside raw, with the ratio and the spread. */
final class ResultsTable {

    private ResultsTable() {}

    static String render(List<RowOutcome> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| # | benchmark | threads | pipestore: median (min–max) | raw: median (min–max) | ours/raw: median (min–max)")
                .append(" | meets target | CPU ms/op ours / raw | p99 ms ours / raw |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rows.size(); i++) {
            RowResult r = rows.get(i).result();
            Spread ratio = r.ratio();
            md.append("| ").append(i + 1)
                    .append(" | ").append(r.title())
                    .append(" | ").append(r.threads())
                    .append(" | ").append(cell(r, r.oursRate()))
                    .append(" | ").append(cell(r, r.rawRate()))
                    .append(" | **").append(Numbers.ratio(ratio.median())).append("** (").append(Numbers.ratio(ratio.min()))
                    .append("–").append(Numbers.ratio(ratio.max())).append(")")
                    .append(" | ≥ ").append(Numbers.ratio(r.target())).append(": ").append(r.meetsTarget() ? "yes" : "**no**")
                    .append(" | ").append(Numbers.millis(r.oursCpuMillisPerOperation().median())).append(" / ")
                    .append(Numbers.millis(r.rawCpuMillisPerOperation().median()))
                    .append(" | ").append(latency(r))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** The 99th percentile of both sides, pooled over the measured windows, for rows where latency is the point. */
    private static String latency(RowResult r) {
        if (!r.reportsLatency()) {
            return "–";
        }
        return Numbers.millis(r.oursLatencyMillis(99)) + " / " + Numbers.millis(r.rawLatencyMillis(99));
    }

    /** A rate with its unit, its MB/s equivalent when the row moves payload, and its range. */
    private static String cell(RowResult r, Spread rate) {
        StringBuilder cell = new StringBuilder(Numbers.rate(rate.median())).append(' ').append(r.unit());
        if (r.bytesPerOperation() > 0) {
            cell.append(" = ").append(Numbers.rate(rate.median() * r.bytesPerOperation() / 1e6)).append(" MB/s");
        }
        return cell.append(" (").append(Numbers.range(rate)).append(")").toString();
    }
}
