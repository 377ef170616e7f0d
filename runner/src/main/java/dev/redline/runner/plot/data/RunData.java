package dev.redline.runner.plot.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * One run's summary numbers and what identifies it on a multi-run plot.
 *
 * @param name           the run's label: its directory (a sweep cell such as concurrency_8, or a trial)
 * @param model          first model name, or "unknown"
 * @param endpointType   chat, completions, embeddings, ... (chat when unset, as in the spec)
 * @param parameters     numeric load knobs (concurrency, request_rate, swept leaves such as isl), for knob plots
 * @param variation      the sweep's variation values by dot path, empty outside sweeps
 * @param gpuCount       GPUs seen by telemetry, or null
 * @param trials         trials behind the numbers (1 for a single run)
 * @param experimentType baseline or treatment
 * @param experimentGroup grouping key under an experiment classification
 */
public record RunData(Path path, String name, String model, String endpointType, Map<String, Double> parameters,
                      Map<String, Object> variation, Integer gpuCount, int trials, Map<String, MetricStats> metrics,
                      String experimentType, String experimentGroup) {
    public MetricStats metric(String tag) {
        return metrics.get(tag);
    }

    /** A statistic of a metric, or null when the run does not have it. */
    public Double value(String tag, String stat) {
        MetricStats m = metrics.get(tag);
        return m == null ? null : m.value(stat);
    }

    public Double parameter(String knob) {
        return parameters.get(knob);
    }
}
