package dev.redline.runner.timeslice;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.metrics.MetricFlag;
import dev.redline.runner.metrics.MetricResult;
import dev.redline.runner.stats.Stats;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code <prefix>_timeslices.json} and {@code .csv} in AIPerf's timeslice shapes (§2.6): per slice
 * its index, window ({@code start_ns}/{@code end_ns}, epoch ns) and one block per metric
 * ({@code unit, avg, min, max, p50, p90, p95, p99}; derived metrics {@code unit, avg}), plus the
 * {@code server} and {@code gpu} samples of the window. The CSV is tidy:
 * {@code Timeslice,Metric,Unit,Stat,Value}.
 */
public final class TimeSliceExport {
    static final String[] STATS = {"avg", "min", "max", "p50", "p90", "p95", "p99"};
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TimeSliceExport() { }

    public static Path jsonFile(Path dir, String prefix) { return dir.resolve(prefix + "_timeslices.json"); }

    public static Path csvFile(Path dir, String prefix) { return dir.resolve(prefix + "_timeslices.csv"); }

    public static void write(Path dir, String prefix, double sliceSeconds, List<TimeSlice> slices, JsonNode inputConfig)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(jsonFile(dir, prefix), StandardCharsets.UTF_8);
             JsonGenerator g = MAPPER.getFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            writeJson(g, sliceSeconds, slices, inputConfig);
        }
        try (Writer w = Files.newBufferedWriter(csvFile(dir, prefix), StandardCharsets.UTF_8)) {
            writeCsv(w, slices);
        }
    }

    static void writeJson(JsonGenerator g, double sliceSeconds, List<TimeSlice> slices, JsonNode inputConfig)
            throws IOException {
        g.writeStartObject();
        g.writeNumberField("slice_duration_s", sliceSeconds);
        g.writeArrayFieldStart("timeslices");
        for (TimeSlice s : slices) {
            g.writeStartObject();
            g.writeNumberField("timeslice_index", s.index());
            g.writeNumberField("start_ns", s.startWallNs());
            g.writeNumberField("end_ns", s.endWallNs());
            g.writeNumberField("duration_s", s.seconds());
            for (MetricResult m : exported(s)) {
                g.writeObjectFieldStart(m.tag());
                g.writeStringField("unit", m.unit());
                if (m.isScalar()) {
                    number(g, "avg", m.value());
                } else {
                    for (String k : STATS) number(g, k, m.stats().get(k));
                }
                g.writeEndObject();
            }
            g.writeFieldName("server");
            MAPPER.writeValue(g, s.server());
            g.writeFieldName("gpu");
            MAPPER.writeValue(g, s.gpu());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("input_config");
        MAPPER.writeTree(g, inputConfig == null ? MAPPER.createObjectNode() : inputConfig);
        g.writeEndObject();
    }

    static void writeCsv(Writer w, List<TimeSlice> slices) throws IOException {
        w.write("Timeslice,Metric,Unit,Stat,Value\n");
        for (TimeSlice s : slices) {
            for (MetricResult m : exported(s)) {
                if (m.isScalar()) {
                    row(w, s.index(), m.tag(), m.unit(), "avg", m.value());
                } else {
                    Stats st = m.stats();
                    for (String k : STATS) row(w, s.index(), m.tag(), m.unit(), k, st.get(k));
                }
            }
            telemetryRows(w, s.index(), "server", s.server());
            telemetryRows(w, s.index(), "gpu", s.gpu());
        }
    }

    /** Telemetry as {@code server:<key>} / {@code gpu:<key>} rows; with several endpoints or GPUs, {@code @<source>} tells them apart. */
    private static void telemetryRows(Writer w, int index, String kind, Map<String, Map<String, Object>> bySource)
            throws IOException {
        for (Map.Entry<String, Map<String, Object>> src : bySource.entrySet()) {
            String suffix = bySource.size() > 1 ? "@" + src.getKey() : "";
            for (Map.Entry<String, Object> metric : src.getValue().entrySet()) {
                if (!(metric.getValue() instanceof Map<?, ?> stats)) continue;
                Object unit = stats.get("unit");
                for (Map.Entry<?, ?> st : stats.entrySet()) {
                    if (st.getValue() instanceof Number n && !"count".equals(st.getKey())) {
                        row(w, index, kind + ":" + metric.getKey() + suffix, unit == null ? "" : unit.toString(),
                                st.getKey().toString(), n.doubleValue());
                    }
                }
            }
        }
    }

    /** The metrics a slice exports: everything with a value except run bookkeeping (timestamps). */
    static List<MetricResult> exported(TimeSlice s) {
        return s.results().metrics().stream().filter(m -> !m.def().has(MetricFlag.INTERNAL)).toList();
    }

    private static void row(Writer w, int index, String metric, String unit, String stat, double v) throws IOException {
        if (!Double.isFinite(v)) return;
        w.write(index + "," + csv(metric) + "," + csv(unit) + "," + stat + "," + number(v) + "\n");
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 9e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void number(JsonGenerator g, String key, double v) throws IOException {
        if (!Double.isFinite(v)) return;
        if (v == Math.rint(v) && Math.abs(v) < 9e15) g.writeNumberField(key, (long) v);
        else g.writeNumberField(key, v);
    }
}
