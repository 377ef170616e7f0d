package dev.redline.runner.plot.data;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code server_metrics_export.json}, Redline's or AIPerf's (the same shape: {@code metrics} by name,
 * each with {@code type}, {@code unit} and {@code series[]} of {@code endpoint_url}, {@code labels},
 * {@code stats}, {@code buckets} and {@code timeslices}).
 */
public final class ServerMetricsReader {
    private ServerMetricsReader() { }

    public static List<ServerMetricSeries> read(Path file) {
        List<ServerMetricSeries> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = RunLoader.readJson(file).path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            JsonNode m = metric.getValue();
            for (JsonNode s : m.path("series")) {
                List<ServerMetricSeries.Slice> slices = new ArrayList<>();
                for (JsonNode t : s.path("timeslices")) {
                    if (!t.path("start_ns").isNumber() || !t.path("end_ns").isNumber()) continue;
                    // AIPerf leaves is_complete out of complete slices
                    slices.add(new ServerMetricSeries.Slice(t.path("start_ns").asLong(), t.path("end_ns").asLong(),
                            t.path("is_complete").asBoolean(true), numbers(t), numbers(t.path("buckets"))));
                }
                out.add(new ServerMetricSeries(metric.getKey(), m.path("type").asText("unknown"), m.path("unit").asText(""),
                        s.path("endpoint_url").asText(""), strings(s.path("labels")), numbers(s.path("stats")),
                        numbers(s.path("buckets")), slices));
            }
        }
        return out;
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) out.put(e.getKey(), e.getValue().asDouble());
        });
        return out;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
