package dev.redline.runner.plot.data;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Redline's and AIPerf's {@code *_timeslices.json} ({@code {"timeslices": [...]}}). */
public final class TimeSliceReader {
    private TimeSliceReader() { }

    public static List<TimeSliceData> read(Path file) {
        List<TimeSliceData> out = new ArrayList<>();
        for (JsonNode s : RunLoader.readJson(file).path("timeslices")) {
            if (!s.path("start_ns").isNumber()) continue;
            Map<String, MetricStats> metrics = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject() && e.getValue().has("unit")) metrics.put(e.getKey(), MetricStats.of(e.getValue()));
            }
            out.add(new TimeSliceData(s.path("start_ns").asLong(), s.path("end_ns").asLong(), metrics, nested(s.path("server")),
                    nested(s.path("gpu"))));
        }
        return out;
    }

    private static Map<String, Map<String, MetricStats>> nested(JsonNode node) {
        Map<String, Map<String, MetricStats>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> owner = it.next();
            Map<String, MetricStats> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> f = owner.getValue().fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> e = f.next();
                if (e.getValue().isObject()) fields.put(e.getKey(), MetricStats.of(e.getValue()));
            }
            out.put(owner.getKey(), fields);
        }
        return out;
    }
}
