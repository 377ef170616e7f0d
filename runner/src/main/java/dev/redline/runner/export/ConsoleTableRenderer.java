package dev.redline.runner.export;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.console.TextTable;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.ErrorSummaryEntry;
import dev.redline.runner.metrics.MetricResult;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.metrics.types.OslMismatchCountMetric;

import java.util.Arrays;
import java.util.Locale;

/**
 * The end-of-run console output in AIPerf's layout: one metrics table (Metric, avg, min, max, p99, p90,
 * p50, std), then an error summary when requests failed and a warning when output lengths missed the
 * requested max tokens. Hidden, internal and error-only metrics are
 * not shown; scalar metrics fill only the avg column.
 */
public final class ConsoleTableRenderer {
    static final int WRAP_AT = 30;
    private static final String[] STATS = {"avg", "min", "max", "p99", "p90", "p50", "std"};
    private static final int MESSAGE_WIDTH = 60;

    private final boolean showTraceTiming;

    public ConsoleTableRenderer() {
        this(false);
    }

    /** @param showTraceTiming also show the HTTP trace metrics (http_req_*), hidden by default */
    public ConsoleTableRenderer(boolean showTraceTiming) {
        this.showTraceTiming = showTraceTiming;
    }

    public String render(BenchmarkResults results) {
        StringBuilder sb = new StringBuilder(metricsTable(results));
        if (!results.errorSummary().isEmpty()) sb.append('\n').append(errorTable(results));
        oslMismatchWarning(results, sb);
        return sb.toString();
    }

    /** AIPerf's end-of-run hint when servers stopped short of (or ran past) the requested output length. */
    private static void oslMismatchWarning(BenchmarkResults results, StringBuilder sb) {
        double mismatched = results.metric(OslMismatchCountMetric.TAG).map(MetricResult::value).orElse(0.0);
        if (!(mismatched > 0)) return;
        sb.append('\n').append(String.format(Locale.ROOT,
                "Warning: %,d of %,d requests returned an output length that differs from the requested max tokens "
                        + "by more than min(%.0f%%, %.0f tokens). The server probably stopped at EOS; to get exact "
                        + "lengths, add ignore_eos: true (or min_tokens) to the extra request inputs.%n",
                (long) mismatched, results.validCount(), OslMismatchCountMetric.PCT_THRESHOLD,
                OslMismatchCountMetric.MAX_TOKEN_THRESHOLD));
    }

    static String title(EndpointType type) {
        return "Redline | " + type.metricsTitle();
    }

    private String metricsTable(BenchmarkResults results) {
        String[] headers = new String[STATS.length + 1];
        boolean[] right = new boolean[headers.length];
        headers[0] = "Metric";
        System.arraycopy(STATS, 0, headers, 1, STATS.length);
        Arrays.fill(right, true);
        TextTable table = new TextTable(title(results.context().endpointType()), headers, right);
        for (MetricResult m : results.metrics()) {
            boolean trace = showTraceTiming && m.def().has(dev.redline.runner.metrics.MetricFlag.HTTP_TRACE);
            if (!m.def().consoleVisible() && !trace) continue;
            String[][] cells = new String[headers.length][];
            cells[0] = label(m);
            for (int i = 0; i < STATS.length; i++) cells[i + 1] = new String[] {cell(m, STATS[i])};
            table.addRow(cells);
        }
        return table.render();
    }

    /** {@code Header (unit)}, split over two lines when longer than 30 characters. */
    static String[] label(MetricResult m) {
        String full = m.header() + " (" + m.unit() + ")";
        if (full.length() <= WRAP_AT) return new String[] {full};
        return new String[] {m.header(), "(" + m.unit() + ")"};
    }

    private static String cell(MetricResult m, String stat) {
        if (m.isScalar()) return stat.equals("avg") ? DisplayNumbers.grouped(m.value()) : DisplayNumbers.MISSING;
        Stats s = m.stats();
        return DisplayNumbers.grouped(s.get(stat));
    }

    private String errorTable(BenchmarkResults results) {
        TextTable table = new TextTable("Error Summary", new String[] {"Code", "Type", "Message", "Count"},
                new boolean[] {true, false, false, true});
        for (ErrorSummaryEntry e : results.errorSummary()) {
            table.addRow(new String[] {Integer.toString(e.code())}, new String[] {e.type()},
                    new String[] {shorten(e.message())}, new String[] {String.format(Locale.ROOT, "%,d", e.count())});
        }
        return table.render();
    }

    private static String shorten(String message) {
        if (message == null) return "";
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MESSAGE_WIDTH ? oneLine : oneLine.substring(0, MESSAGE_WIDTH - 3) + "...";
    }
}
