package dev.redline.runner.timeslice;

import dev.redline.runner.telemetry.TelemetryResults;
import dev.redline.runner.telemetry.TelemetrySession;
import dev.redline.runner.telemetry.gpu.DcgmField;
import dev.redline.runner.telemetry.gpu.GpuSummary;
import dev.redline.runner.telemetry.server.KeyMetric;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.stats.Statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server and GPU samples of one time slice: the telemetry session summarised over the slice's
 * window on the same {@link System#nanoTime()} clock the request records use, so a latency spike in a
 * slice sits next to the queue depth, KV-cache usage and GPU power of that same slice.
 */
public final class SliceTelemetry {
    private final TelemetrySession session;

    public SliceTelemetry(TelemetrySession session) {
        this.session = session;
    }

    /** The server's and the GPUs' side of one window. */
    public record Samples(Map<String, Map<String, Object>> server, Map<String, Map<String, Object>> gpu) {
        public static final Samples NONE = new Samples(Map.of(), Map.of());
    }

    public Samples over(long startPerfNs, long endPerfNs) {
        TelemetryResults r = session.results(startPerfNs, endPerfNs);
        return new Samples(server(r), gpu(r));
    }

    /** Per server endpoint URL: its headline metrics over the window (running/waiting requests, KV cache, ...). */
    private static Map<String, Map<String, Object>> server(TelemetryResults r) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (r.server() == null) return out;
        r.server().keyMetrics().forEach((endpoint, metrics) -> {
            if (metrics.isEmpty()) return;
            Map<String, Object> m = new LinkedHashMap<>();
            for (KeyMetric k : metrics) m.put(k.key(), k.toMap());
            out.put(endpoint, m);
        });
        return out;
    }

    /** Per GPU: each DCGM field's samples in the window (avg/min/max) and the energy used in it. */
    private static Map<String, Map<String, Object>> gpu(TelemetryResults r) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (r.gpu() == null) return out;
        for (GpuSummary g : r.gpu().gpus()) {
            Map<String, Object> m = new LinkedHashMap<>();
            g.metrics().forEach((key, d) -> {
                if (d.count() == 0) return;
                DcgmField f = g.fields().get(key);
                m.put(key, stats(f == null ? "" : f.unit(), d));
            });
            if (g.energy() != null) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("unit", "J");
                e.put("total", g.energy());
                e.put("source", g.energySource());
                m.put("gpu_energy", e);
            }
            out.put(g.gpu().displayName(), m);
        }
        return out;
    }

    private static Map<String, Object> stats(String unit, Stats d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", unit);
        for (String k : List.of("avg", "min", "max")) m.put(k, d.toMap().get(k));
        m.put("count", d.count());
        return m;
    }
}
