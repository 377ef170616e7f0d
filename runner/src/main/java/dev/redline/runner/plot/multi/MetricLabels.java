package dev.redline.runner.plot.multi;

import dev.redline.runner.metrics.MetricDef;
import dev.redline.runner.metrics.MetricRegistry;
import dev.redline.runner.plot.data.RunData;

import java.util.List;

/** Axis labels from the metric registry's headers, and the per-GPU throughput the Pareto plots use. */
final class MetricLabels {
    static final String PER_GPU = "output_token_throughput_per_gpu";

    private MetricLabels() { }

    static String axis(String tag, List<RunData> runs) {
        String header = MetricRegistry.find(tag).map(MetricDef::header).orElse(humanise(tag));
        String unit = runs.stream().map(r -> r.metric(tag)).filter(m -> m != null && !m.unit().isBlank())
                .map(m -> m.unit()).findFirst().orElse(null);
        return unit == null ? header : header + " (" + unit + ")";
    }

    static String knob(String knob) {
        return humanise(knob);
    }

    /** Output tokens/s per GPU: the export's own figure when it has one, else throughput / GPUs seen by telemetry. */
    static Double perGpu(RunData r) {
        Double own = r.value(PER_GPU, "avg");
        if (own != null) return own;
        Double total = r.value("output_token_throughput", "avg");
        return total == null || r.gpuCount() == null || r.gpuCount() == 0 ? null : total / r.gpuCount();
    }

    private static String humanise(String tag) {
        String s = tag.replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
