package dev.redline.runner.telemetry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.telemetry.series.Observation;
import dev.redline.runner.telemetry.series.SeriesStore;
import dev.redline.runner.telemetry.series.Timeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server metrics time series as AIPerf's {@code server_metrics_export.jsonl}: one line per scrape of one
 * endpoint, {@code {"endpoint_url", "timestamp_ns", "metrics": {name: [{"labels", "value" | "histogram" {le:
 * cumulative count}, "sum", "count" | "summary" {q: value}}]}}}, in time order. Repeated scrapes with no change are
 * already collapsed by the store (first and last kept).
 */
final class ScrapeJsonl {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScrapeJsonl() { }

    static void write(SeriesStore store, Path file) throws IOException {
        // endpoint -> wall time -> metric -> samples
        Map<String, TreeMap<Long, Map<String, List<Map<String, Object>>>>> scrapes = new LinkedHashMap<>();
        for (Timeline t : store.timelines()) {
            for (Timeline.Point p : t.points()) {
                Map<String, List<Map<String, Object>>> metrics = scrapes.computeIfAbsent(t.id().endpoint(), e -> new TreeMap<>())
                        .computeIfAbsent(p.wallMillis(), w -> new LinkedHashMap<>());
                metrics.computeIfAbsent(t.id().name(), n -> new ArrayList<>()).add(sample(t.id().labels(), p.observation()));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, TreeMap<Long, Map<String, List<Map<String, Object>>>>> e : scrapes.entrySet()) {
                for (Map.Entry<Long, Map<String, List<Map<String, Object>>>> s : e.getValue().entrySet()) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("endpoint_url", e.getKey());
                    line.put("timestamp_ns", s.getKey() * 1_000_000L);
                    line.put("metrics", s.getValue());
                    out.write(JSON.writeValueAsString(line));
                    out.write('\n');
                }
            }
        }
    }

    private static Map<String, Object> sample(Map<String, String> labels, Observation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!labels.isEmpty()) m.put("labels", labels);
        if (o instanceof Observation.Scalar s) {
            m.put("value", finite(s.value()));
        } else if (o instanceof Observation.Histogram h) {
            Map<String, Object> buckets = new LinkedHashMap<>();
            for (int i = 0; i < h.upperBounds().length; i++) {
                double le = h.upperBounds()[i];
                buckets.put(Double.isInfinite(le) ? "+Inf" : trim(le), h.cumulativeCounts()[i]);
            }
            m.put("histogram", buckets);
            m.put("sum", finite(h.sum()));
            m.put("count", finite(h.count()));
        } else if (o instanceof Observation.Summary q) {
            Map<String, Object> quantiles = new LinkedHashMap<>();
            for (int i = 0; i < q.quantiles().length; i++) quantiles.put(trim(q.quantiles()[i]), finite(q.values()[i]));
            m.put("summary", quantiles);
            m.put("sum", finite(q.sum()));
            m.put("count", finite(q.count()));
        }
        return m;
    }

    private static Object finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static String trim(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
