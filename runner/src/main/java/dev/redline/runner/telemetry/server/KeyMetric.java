package dev.redline.runner.telemetry.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One headline server metric of one endpoint (server TTFT, queue time, KV-cache usage, ...), in display
 * units, with the server metric it came from.
 */
public record KeyMetric(String key, String title, String unit, String source, Map<String, Double> values) {
    public Double value(String stat) {
        return values.get(stat);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("unit", unit);
        m.put("source", source);
        values.forEach((k, v) -> m.put(k, v == null || !Double.isFinite(v) ? null : v));
        return m;
    }
}
