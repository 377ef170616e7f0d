package dev.redline.runner.telemetry.gpu;

import dev.redline.runner.telemetry.scrape.MissingTargets;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.stats.Statistics;
import dev.redline.runner.console.TextTable;

import java.util.List;
import java.util.Map;

/** Console table per GPU (avg, min, max, p99, p90, p50, std, as AIPerf prints it) plus energy lines. */
public final class GpuTelemetryTable {
    private static final List<String> SHOWN = List.of("gpu_power_usage", "gpu_utilization", "gr_engine_active",
            "tensor_active", "dram_active", "gpu_memory_used", "sm_clock", "gpu_temperature");

    private GpuTelemetryTable() { }

    /**
     * @param efficiency  from {@link GpuEfficiency#compute}, or null
     * @param listMissing whether to add a line per exporter that could not be scraped
     */
    public static String render(GpuTelemetrySummary s, Map<String, GpuEfficiency.Metric> efficiency, boolean listMissing) {
        StringBuilder out = new StringBuilder();
        for (GpuSummary g : s.gpus()) {
            TextTable t = new TextTable("GPU Telemetry | " + g.gpu().displayName(),
                    "Metric", "avg", "min", "max", "p99", "p90", "p50", "std");
            for (String key : SHOWN) {
                Stats d = g.metric(key);
                if (d == null || d.count() == 0) continue;
                String unit = g.fields().get(key).unit();
                t.row(g.fields().get(key).title() + (unit.isEmpty() ? "" : " (" + unit + ")"), TextTable.num(d.avg()),
                        TextTable.num(d.min()), TextTable.num(d.max()), TextTable.num(d.p99()), TextTable.num(d.p90()),
                        TextTable.num(d.p50()), TextTable.num(d.std()));
            }
            if (g.energy() != null) {
                t.note("Energy in window: " + TextTable.num(g.energy()) + " J (" + g.energySource().replace('_', ' ')
                        + (g.powerIntegralJoules() != null ? "; power integral " + TextTable.num(g.powerIntegralJoules()) + " J" : "") + ")");
            }
            out.append(t.render()).append('\n');
        }
        if (efficiency != null && s.hasData()) {
            TextTable t = new TextTable("GPU Efficiency", "Metric", "Value", "Unit");
            efficiency.values().forEach(m -> {
                if (m.value() != null) t.row(m.tag(), TextTable.num(m.value()), m.unit());
            });
            out.append(t.render()).append('\n');
        }
        if (listMissing) out.append(MissingTargets.describe(s.endpoints()));
        return out.toString();
    }
}
