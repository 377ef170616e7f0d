package dev.redline.runner.telemetry.gpu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redline.runner.telemetry.scrape.TargetReport;
import dev.redline.runner.telemetry.summary.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code gpu_telemetry_export.json} and {@code gpu_telemetry_export.csv}. */
public final class GpuTelemetryExport {
    public static final String JSON_FILE = "gpu_telemetry_export.json";
    public static final String CSV_FILE = "gpu_telemetry_export.csv";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GpuTelemetryExport() { }

    /** @param efficiency from {@link GpuEfficiency#compute}, or null when the run totals are not known */
    public static void write(GpuTelemetrySummary s, Map<String, GpuEfficiency.Metric> efficiency, Path dir) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve(JSON_FILE).toFile(), toJson(s, efficiency));
        Files.writeString(dir.resolve(CSV_FILE), toCsv(s, efficiency));
    }

    public static Map<String, Object> toJson(GpuTelemetrySummary s, Map<String, GpuEfficiency.Metric> efficiency) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", "1.0");
        root.put("generator", "redline");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("endpoints_configured", s.endpoints().size());
        summary.put("endpoints_successful", s.endpoints().stream().filter(TargetReport::reachable).count());
        summary.put("start_time", Instant.ofEpochMilli(s.window().startWallMillis()).toString());
        summary.put("end_time", Instant.ofEpochMilli(s.window().endWallMillis()).toString());
        summary.put("duration_seconds", s.window().seconds());
        Map<String, Object> info = new LinkedHashMap<>();
        for (TargetReport r : s.endpoints()) info.put(r.target().url(), r.toMap());
        summary.put("endpoint_info", info);
        root.put("summary", summary);
        List<Map<String, Object>> gpus = new ArrayList<>();
        for (GpuSummary g : s.gpus()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("endpoint_url", g.gpu().endpoint());
            m.put("gpu_index", g.gpu().index());
            m.put("gpu_uuid", g.gpu().uuid());
            m.put("gpu_model", g.gpu().modelName());
            m.put("hostname", g.gpu().hostname());
            if (g.gpu().migInstance() != null) m.put("mig_instance", g.gpu().migInstance());
            Map<String, Object> metrics = new LinkedHashMap<>();
            g.metrics().forEach((key, d) -> {
                DcgmField f = g.fields().get(key);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("unit", f.unit());
                one.put("dcgm_field", f.dcgmName());
                one.putAll(d.toMap());
                metrics.put(key, one);
            });
            m.put("metrics", metrics);
            Map<String, Object> energy = new LinkedHashMap<>();
            energy.put("energy_joules", g.energy());
            energy.put("source", g.energySource());
            energy.put("energy_counter_joules", g.energyJoules());
            energy.put("power_integral_joules", g.powerIntegralJoules());
            energy.put("covered_seconds", g.coveredSeconds());
            m.put("energy", energy);
            gpus.add(m);
        }
        root.put("gpus", gpus);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("total_gpu_energy_joules", s.totalEnergyJoules());
        totals.put("total_gpu_power_watts", s.totalMeanPowerWatts());
        root.put("totals", totals);
        if (efficiency != null) {
            Map<String, Object> eff = new LinkedHashMap<>();
            efficiency.forEach((tag, metric) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("unit", metric.unit());
                one.put("avg", metric.value());
                eff.put(tag, one);
            });
            root.put("efficiency", eff);
        }
        return root;
    }

    public static String toCsv(GpuTelemetrySummary s, Map<String, GpuEfficiency.Metric> efficiency) {
        StringBuilder sb = new StringBuilder(Csv.row("Endpoint", "GPU Index", "GPU UUID", "GPU Model", "Hostname",
                "Metric", "Unit", "avg", "min", "max", "std", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "count"));
        for (GpuSummary g : s.gpus()) {
            GpuIdentity id = g.gpu();
            g.metrics().forEach((key, d) -> sb.append(Csv.row(id.endpoint(), id.index(), id.uuid(), id.modelName(),
                    id.hostname(), key, g.fields().get(key).unit(), d.avg(), d.min(), d.max(), d.std(), d.p1(), d.p5(),
                    d.p10(), d.p25(), d.p50(), d.p75(), d.p90(), d.p95(), d.p99(), d.count())));
            sb.append(Csv.row(id.endpoint(), id.index(), id.uuid(), id.modelName(), id.hostname(), "energy_window", "J",
                    g.energy()));
        }
        if (efficiency != null) {
            sb.append('\n').append(Csv.row("Metric", "Unit", "Value"));
            efficiency.values().forEach(m -> sb.append(Csv.row(m.tag(), m.unit(), m.value())));
        }
        return sb.toString();
    }
}
