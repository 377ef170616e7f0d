package dev.redline.plan.aggregate;

import dev.redline.plan.SweepParameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The aggregate exports as CSV in AIPerf 0.13's layout: the confidence table then its metadata; the
 * sweep's wide table ({@code <param cols>, <metric>_mean/_std/_min/_max/_cv}) then the "Best
 * Configurations", "Pareto Optimal Points" and "Metadata" sections, blank-line separated.
 */
public final class AggregateCsv {
    public static final String CONFIDENCE_FILE = "profile_export_redline_aggregate.csv";
    public static final String SWEEP_FILE = "profile_export_redline_sweep.csv";

    private AggregateCsv() { }

    public static String confidence(ConfidenceAggregate a) {
        StringBuilder sb = new StringBuilder();
        row(sb, List.of("metric", "mean", "std", "min", "max", "cv", "se", "ci_low", "ci_high", "t_critical", "unit"));
        a.metrics().forEach((key, s) -> row(sb, List.of(key, num(s.mean(), 2, true), num(s.std(), 2, true), num(s.min(), 2, true),
                num(s.max(), 2, true), num(s.cv(), 4, true), num(s.se(), 4, true), num(s.ciLow(), 2, true),
                num(s.ciHigh(), 2, true), num(s.tCritical(), 4, true), s.unit())));
        sb.append("\r\n");
        row(sb, List.of("Aggregation Type", "confidence"));
        row(sb, List.of("Total Runs", Integer.toString(a.numRuns())));
        row(sb, List.of("Successful Runs", Integer.toString(a.numSuccessfulRuns())));
        row(sb, List.of("Confidence Level", Double.toString(a.confidenceLevel())));
        row(sb, List.of("Run Labels", pythonList(a.runLabels())));
        row(sb, List.of("Cooldown Seconds", Double.toString(a.cooldownSeconds())));
        return sb.toString();
    }

    public static String sweep(SweepAggregate s) {
        StringBuilder sb = new StringBuilder();
        List<String> params = s.parameters().stream().map(SweepParameter::name).toList();
        if (!s.combinations().isEmpty()) {
            TreeSet<String> metrics = new TreeSet<>();
            s.combinations().forEach(c -> metrics.addAll(c.metrics().keySet()));
            List<String> header = new ArrayList<>(params);
            for (String m : metrics) for (String f : new String[]{"mean", "std", "min", "max", "cv"}) header.add(m + "_" + f);
            row(sb, header);
            for (Combination c : s.combinations()) {
                List<String> cells = new ArrayList<>();
                params.forEach(p -> cells.add(text(c.parameters().get(p))));
                for (String m : metrics) {
                    Map<String, Object> f = c.metrics().get(m);
                    if (f == null) {
                        for (int i = 0; i < 5; i++) cells.add("");
                        continue;
                    }
                    cells.add(num(f.get("mean"), 2, false));
                    cells.add(num(f.get("std"), 2, false));
                    cells.add(num(f.get("min"), 2, false));
                    cells.add(num(f.get("max"), 2, false));
                    cells.add(num(f.get("cv"), 4, false));
                }
                row(sb, cells);
            }
        }
        sb.append("\r\n");
        row(sb, List.of("Best Configurations"));
        if (s.bestThroughput() != null || s.bestLatency() != null) {
            List<String> header = new ArrayList<>(List.of("Configuration"));
            header.addAll(params);
            header.addAll(List.of("Metric", "Unit"));
            row(sb, header);
            best(sb, "Best Throughput", s.bestThroughput(), params);
            best(sb, "Best Latency P99", s.bestLatency(), params);
        }
        sb.append("\r\n");
        row(sb, List.of("Pareto Optimal Points"));
        if (s.pareto().isEmpty()) {
            row(sb, List.of("None"));
        } else {
            row(sb, params);
            for (Combination c : s.pareto()) row(sb, params.stream().map(p -> text(c.parameters().get(p))).toList());
        }
        sb.append("\r\n");
        row(sb, List.of("Metadata"));
        row(sb, List.of("Field", "Value"));
        row(sb, List.of("Aggregation Type", "sweep"));
        row(sb, List.of("Sweep Parameters", String.join(", ", params)));
        row(sb, List.of("Number of Combinations", Integer.toString(s.numCombinations())));
        row(sb, List.of("Number of Profile Runs", Integer.toString(s.numRuns())));
        row(sb, List.of("Number of Successful Runs", Integer.toString(s.numSuccessfulRuns())));
        if (s.partial()) row(sb, List.of("Partial", "True"));
        return sb.toString();
    }

    private static void best(StringBuilder sb, String name, SweepAggregate.Best b, List<String> params) {
        if (b == null) return;
        List<String> cells = new ArrayList<>(List.of(name));
        params.forEach(p -> cells.add(text(b.combination().parameters().get(p))));
        cells.add(num(b.metric(), 2, false));
        cells.add(b.unit() == null ? "" : b.unit());
        row(sb, cells);
    }

    /** Python's {@code f"{v:.Nf}"}; non-finite: "inf"/"-inf" (confidence CSV) or empty (sweep CSV); null: empty. */
    static String num(Object value, int decimals, boolean infText) {
        if (!(value instanceof Number n)) return "";
        if (value instanceof Long || value instanceof Integer) return value.toString();
        double d = n.doubleValue();
        if (Double.isNaN(d)) return "";
        if (Double.isInfinite(d)) return infText ? (d > 0 ? "inf" : "-inf") : "";
        // Python formats the exact binary value, ties to even: 3.125 -> "3.12" (String.format would say 3.13)
        return new java.math.BigDecimal(d).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String text(Object v) {
        return v == null ? "" : dev.redline.plan.ValueText.of(v);
    }

    private static String pythonList(List<String> items) {
        List<String> quoted = items.stream().map(i -> "'" + i + "'").toList();
        return "[" + String.join(", ", quoted) + "]";
    }

    /** One CSV row, quoted where needed, with Python's csv module line ending. */
    static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) c = "\"" + c.replace("\"", "\"\"") + "\"";
            sb.append(c);
        }
        sb.append("\r\n");
    }
}
