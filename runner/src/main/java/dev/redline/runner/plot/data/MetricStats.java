package dev.redline.runner.plot.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.results.MetricBlock;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric's statistics as exported ({@code {"unit": "ms", "avg": .., "p99": ..}}), and for a multi-run
 * aggregate the confidence interval of each statistic across the trials.
 */
public record MetricStats(String unit, Map<String, Double> values, Map<String, double[]> intervals) {
    public static final String AVG = "avg";

    /** Reads a summary block; non-numeric and non-finite fields are left out. */
    public static MetricStats of(JsonNode block) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber() && Double.isFinite(e.getValue().asDouble())) values.put(e.getKey(), e.getValue().asDouble());
        }
        return new MetricStats(block.path("unit").asText(""), values, Map.of());
    }

    /** A metric block of the shared export model. */
    public static MetricStats of(MetricBlock block) {
        Map<String, Double> values = new LinkedHashMap<>();
        block.stats().forEach((stat, v) -> {
            if (v != null && Double.isFinite(v.doubleValue())) values.put(stat, v.doubleValue());
        });
        return new MetricStats(block.unit(), values, Map.of());
    }

    /** The value of a statistic; a scalar metric (only avg) answers avg for every statistic. */
    public Double value(String stat) {
        Double v = values.get(stat);
        return v != null || values.size() != 1 ? v : values.get(AVG);
    }

    /** [low, high] of the confidence interval of {@code stat}, or null outside multi-run aggregates. */
    public double[] interval(String stat) {
        double[] ci = intervals.get(stat);
        return ci != null || values.size() != 1 ? ci : intervals.get(AVG);
    }

}
