package dev.redline.runner.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.ErrorSummaryEntry;
import dev.redline.runner.metrics.MetricResult;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.metrics.types.MaxResponseTimestampMetric;
import dev.redline.runner.metrics.types.MinRequestTimestampMetric;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code profile_export_redline.json} in the shape of AIPerf's {@code profile_export_aiperf.json}
 * (schema 1.5): run facts, the caller's (already redacted) input config, the error summary, then one
 * block per metric tag at top level. Values are in display units; non-finite values are left out.
 */
public final class SummaryJsonWriter {
    public static final String FILE_NAME = "profile_export_redline.json";
    public static final String SCHEMA_VERSION = "1.5";
    static final String[] STAT_KEYS = {"avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95",
            "p99", "std"};

    private final ObjectMapper mapper = new ObjectMapper();

    /** Writes the export into {@code dir} and returns its path. */
    public Path write(Path dir, BenchmarkResults results, RunInfo info, JsonNode inputConfig) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            write(g, results, info, inputConfig);
        }
        return file;
    }

    public String toJson(BenchmarkResults results, RunInfo info, JsonNode inputConfig) throws IOException {
        Writer w = new StringWriter();
        try (JsonGenerator g = mapper.getFactory().createGenerator(w)) {
            write(g, results, info, inputConfig);
        }
        return w.toString();
    }

    private void write(JsonGenerator g, BenchmarkResults results, RunInfo info, JsonNode inputConfig) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("schema_version", SCHEMA_VERSION);
        g.writeStringField("redline_version", info.redlineVersion());
        g.writeStringField("benchmark_id", info.benchmarkId());
        g.writeStringField("start_time", info.startTime() == null ? null : info.startTime().toString());
        g.writeStringField("end_time", info.endTime() == null ? null : info.endTime().toString());
        g.writeBooleanField("was_cancelled", info.wasCancelled());
        g.writeFieldName("input_config");
        mapper.writeTree(g, inputConfig == null ? mapper.createObjectNode() : inputConfig);
        g.writeArrayFieldStart("error_summary");
        for (ErrorSummaryEntry e : results.errorSummary()) {
            g.writeStartObject();
            g.writeNumberField("code", e.code());
            g.writeStringField("type", e.type());
            if (e.message() != null) g.writeStringField("message", e.message());
            g.writeNumberField("count", e.count());
            g.writeEndObject();
        }
        g.writeEndArray();
        for (MetricResult m : results.metrics()) writeMetric(g, m, results);
        g.writeEndObject();
    }

    private static void writeMetric(JsonGenerator g, MetricResult m, BenchmarkResults results) throws IOException {
        g.writeObjectFieldStart(m.tag());
        g.writeStringField("unit", m.unit());
        // epoch-ns timestamps exceed a double's exact range: write the exact longs
        if (m.tag().equals(MinRequestTimestampMetric.TAG)) {
            g.writeNumberField("avg", results.minRequestWallNs());
        } else if (m.tag().equals(MaxResponseTimestampMetric.TAG)) {
            g.writeNumberField("avg", results.maxResponseWallNs());
        } else if (m.isScalar()) {
            number(g, "avg", m.value());
        } else {
            Stats s = m.stats();
            for (String key : STAT_KEYS) number(g, key, s.get(key));
            g.writeNumberField("count", s.count());
            number(g, "sum", s.sum());
        }
        g.writeEndObject();
    }

    static void number(JsonGenerator g, String key, double v) throws IOException {
        if (!Double.isFinite(v)) return;
        g.writeFieldName(key);
        writeNumber(g, v);
    }

    /** Whole numbers as integers (token counts, timestamps), everything else as a double. */
    static void writeNumber(JsonGenerator g, double v) throws IOException {
        if (DisplayNumbers.isIntegral(v)) g.writeNumber((long) v);
        else g.writeNumber(v);
    }
}
