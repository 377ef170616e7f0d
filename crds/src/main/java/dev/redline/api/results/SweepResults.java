package dev.redline.api.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.api.v1alpha1.SweepStatus;
import dev.redline.plan.aggregate.AggregateCsv;
import dev.redline.plan.aggregate.AggregateJson;
import dev.redline.plan.aggregate.SweepAggregate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of a Sweep's results ConfigMap, written by the operator (perCell) or the warm-pool runner
 * and read by the operator: the sweep aggregate in AIPerf's shape ({@value #SWEEP_JSON}, {@value #SWEEP_CSV})
 * and the rolled-up status ({@value #STATUS_JSON}). A ConfigMap holds at most 1 MiB; a sweep too large
 * for it keeps only the headline metrics ({@link #HEADLINE_METRICS}) and says so ({@code metadata.truncated}).
 */
public final class SweepResults {
    public static final String SWEEP_JSON = "sweep.json";
    public static final String SWEEP_CSV = "sweep.csv";
    /** The status fields the runner rolled up ({@link SweepStatus}: cells, counts, best, Pareto front). */
    public static final String STATUS_JSON = "status.json";
    /** One line: why the warm-pool runner failed. */
    public static final String ERROR = ResultsConfigMap.ERROR;
    public static final List<String> HEADLINE_METRICS = List.of("request_throughput", "output_token_throughput", "time_to_first_token",
            "inter_token_latency", "request_latency", "request_error_rate", "request_count", "benchmark_duration");
    static final int BUDGET_BYTES = 900 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper LENIENT = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SweepResults() { }

    /** The ConfigMap data for this aggregate and rollup. */
    public static Map<String, String> data(SweepAggregate aggregate, SweepStatus rolledUp) {
        String json = compact(AggregateJson.sweep(aggregate));
        String csv = AggregateCsv.sweep(aggregate);
        String status = statusJson(rolledUp);
        if (bytes(json) + bytes(csv) + bytes(status) > BUDGET_BYTES) {
            SweepAggregate small = aggregate.onlyMetrics(key -> HEADLINE_METRICS.stream().anyMatch(key::startsWith));
            var node = AggregateJson.sweep(small);
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("metadata")).put("truncated", true);
            json = compact(node);
            csv = AggregateCsv.sweep(small);
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(SWEEP_JSON, json);
        out.put(SWEEP_CSV, csv);
        out.put(STATUS_JSON, status);
        return out;
    }

    public static String statusJson(SweepStatus rolledUp) {
        try {
            return JSON.writeValueAsString(rolledUp);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rolled-up status in {@code data}, or null when absent or unreadable. */
    public static SweepStatus status(Map<String, String> data) {
        String text = data == null ? null : data.get(STATUS_JSON);
        if (text == null || text.isBlank()) return null;
        try {
            return LENIENT.readValue(text, SweepStatus.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String compact(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
