package dev.redline.runner.export;

import dev.redline.api.v1alpha1.EndpointType;
import dev.redline.runner.console.TextTable;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.ErrorSummaryEntry;
import dev.redline.runner.metrics.MetricResult;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.metrics.types.OslMismatchCountMetric;

import dev.redline.runner.metrics.MetricFlag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Locale;

/**
 * The end-of-run console output in AIPerf's layout: one metrics table (Metric, avg, min, max, p99, p90,
 * p50, std), the Spec Decode table and histogram line when the server reported speculative decoding, then an error summary when requests failed and a warning when output lengths missed the
 * requested max tokens. Hidden, internal and error-only metrics are
 * not shown; scalar metrics fill only the avg column.
 */
public final class ConsoleTableRenderer {
    static final int WRAP_AT = 30;
    private static final String[] STATS = {"avg", "min", "max", "p99", "p90", "p50", "std"};
    private static final int MESSAGE_WIDTH = 60;
    /** Accepted-draft buckets shown one by one before the rest fold into {@code >=8} (AIPerf's console cap). */
    static final int HISTOGRAM_CAP = 8;

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
        specDecodeSection(results, sb);
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
        return table(title(results.context().endpointType()), results, m -> m.def().consoleVisible()
                || showTraceTiming && m.def().has(MetricFlag.HTTP_TRACE));
    }

    /**
     * AIPerf's Spec Decode section: its own table, then the pooled histogram on one line; nothing when no request
     * carried spec-decode stats.
     */
    private static void specDecodeSection(BenchmarkResults results, StringBuilder sb) {
        if (results.metrics().stream().noneMatch(m -> m.def().has(MetricFlag.SPEC_DECODE))) return;
        sb.append('\n').append(table(title(results.context().endpointType()) + ": Spec Decode", results,
                m -> m.def().has(MetricFlag.SPEC_DECODE)));
        String line = histogramLine(results.pooledSpecDecodeHistogram(), HISTOGRAM_CAP);
        if (line != null) sb.append("  ").append(line).append('\n');
    }

    /**
     * The share of verify steps per accepted-draft bucket 0 .. min(largest, cap - 1), buckets at or above {@code cap}
     * folded into one {@code >=cap} bucket so the line stays one line (AIPerf's format); null without steps.
     */
    static String histogramLine(Map<Integer, Long> histogram, int cap) {
        if (histogram == null || histogram.isEmpty()) return null;
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) return null;
        int max = histogram.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        boolean overflow = max >= cap;
        int top = overflow ? cap - 1 : max;
        List<String> parts = new ArrayList<>();
        for (int j = 0; j <= top; j++) parts.add(j + ": " + percent(histogram.getOrDefault(j, 0L), total));
        if (overflow) {
            long folded = histogram.entrySet().stream().filter(e -> e.getKey() >= cap).mapToLong(Map.Entry::getValue).sum();
            parts.add(">=" + cap + ": " + percent(folded, total));
        }
        return "Accepted drafts per step (% of steps):  " + String.join("   ", parts);
    }

    private static String percent(long n, long total) {
        // Python's :.0f rounds half to even
        return new java.math.BigDecimal(n * 100.0 / total).setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    private static String table(String title, BenchmarkResults results, Predicate<MetricResult> shown) {
        String[] headers = new String[STATS.length + 1];
        boolean[] right = new boolean[headers.length];
        headers[0] = "Metric";
        System.arraycopy(STATS, 0, headers, 1, STATS.length);
        Arrays.fill(right, true);
        TextTable table = new TextTable(title, headers, right);
        for (MetricResult m : results.metrics()) {
            if (!shown.test(m)) continue;
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
