package dev.redline.runner.plot.single;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.MetricRegistry;
import dev.redline.runner.metrics.MetricType;
import dev.redline.runner.plot.data.GpuFieldNames;
import dev.redline.runner.plot.data.MetricStats;
import dev.redline.runner.plot.data.SingleRunData;

import java.util.Optional;

/**
 * The axis labels AIPerf's single-run preset plots give a metric: its display name, the statistic when it is not
 * avg, and the unit ("Request Latency (ms)", "NVIDIA GPU Utilization (%)", "Time (s)"); a name AIPerf has no
 * display name for is title-cased ("Throughput Tokens Per Sec").
 */
public final class AiperfLabels {
    private AiperfLabels() { }

    public static String axis(String metric, String stat, SingleRunData data) {
        switch (metric) {
            case RequestAxis.REQUEST_NUMBER -> { return "Request Number"; }
            case RequestAxis.TIMESTAMP -> { return "Time (seconds)"; }
            case RequestAxis.TIMESTAMP_S -> { return "Time (s)"; }
            case "Timeslice" -> { return "Timeslice (s)"; }
            default -> { }
        }
        Optional<MetricDef> def = MetricRegistry.find(metric);
        if (def.isPresent()) {
            String name = def.get().header();
            if (stat != null && !stat.equals("avg") && !stat.equals("value")) name += " (" + stat + ")";
            MetricStats m = data.run().metric(metric);
            String unit = m != null && !m.unit().isBlank() ? m.unit() : def.get().unit().label();
            return unit.isBlank() ? name : name + " (" + unit + ")";
        }
        if (GpuFieldNames.isGpuField(metric)) return gpu(metric, metric);
        return titleCase(metric);
    }

    /** A GPU field's label ("NVIDIA GPU Utilization (%)"); {@code key} is the field the run had (AMD's on an AMD-only run). */
    public static String gpu(String metric, String key) {
        String shown = GpuFieldNames.shown(metric, key);
        String[] known = GpuFieldNames.display(shown);
        if (known != null) return known[0] + " (" + known[1] + ")";
        return shown.contains("utilization") ? titleCase(shown) + " (%)" : titleCase(shown);
    }

    /** Python's str.title() of the words of a tag, as AIPerf labels names it has no display name for. */
    public static String titleCase(String tag) {
        StringBuilder b = new StringBuilder();
        for (String w : tag.split("_")) {
            if (w.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase());
        }
        return b.toString();
    }

    /** A metric every profiling record carries (AIPerf's per-request metrics: the registry's record metrics). */
    public static boolean perRequest(String metric) {
        return MetricRegistry.find(metric).map(d -> d.type() == MetricType.RECORD).orElse(false);
    }
}
