package dev.redline.runner.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.results.MetricBlock;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.ErrorEntry;
import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.ErrorSummaryEntry;
import dev.redline.runner.metrics.MetricResult;
import dev.redline.runner.metrics.MetricType;
import dev.redline.runner.stats.Stats;
import dev.redline.runner.metrics.types.MaxResponseTimestampMetric;
import dev.redline.runner.metrics.types.MinRequestTimestampMetric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds {@code profile_export_redline.json}, the {@link ProfileExport} in the shape of AIPerf's
 * {@code profile_export_aiperf.json} (schema 1.5): run facts, the caller's (already redacted) input
 * config, the error summary, then one block per metric tag. Values are in display units; non-finite
 * values are left out. The same document is {@code summary.json} of a Benchmark's results ConfigMap.
 */
public final class SummaryJsonWriter {
    public static final String FILE_NAME = "profile_export_redline.json";
    public static final String SCHEMA_VERSION = ProfileExport.SCHEMA_VERSION;
    public static final String POOLED_SPEC_DECODE_HISTOGRAM = "pooled_spec_decode_acceptance_histogram";

    /** The export of {@code results}; callers may add extensions before writing it. */
    public ProfileExport toExport(BenchmarkResults results, RunInfo info, JsonNode inputConfig) {
        ProfileExport export = new ProfileExport()
                .facts(info.redlineVersion(), info.benchmarkId(),
                        info.startTime() == null ? null : info.startTime().toString(),
                        info.endTime() == null ? null : info.endTime().toString(), info.wasCancelled())
                .inputConfig(inputConfig);
        for (ErrorSummaryEntry e : results.errorSummary()) {
            ErrorEntry entry = new ErrorEntry();
            entry.setCode(e.code());
            entry.setType(e.type());
            entry.setMessage(e.message());
            entry.setCount(e.count());
            export.addError(entry);
        }
        for (MetricResult m : results.metrics()) export.putMetric(m.tag(), block(m, results));
        if (results.pooledSpecDecodeHistogram() != null) {
            // AIPerf's run-level pooled histogram: accepted-draft count j (a string key) to verify steps; absent without spec decode
            com.fasterxml.jackson.databind.node.ObjectNode h = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            results.pooledSpecDecodeHistogram().forEach((j, n) -> h.put(Integer.toString(j), n));
            export.putExtension(POOLED_SPEC_DECODE_HISTOGRAM, h);
        }
        return export;
    }

    /** Writes the export into {@code dir} and returns its path. */
    public Path write(Path dir, BenchmarkResults results, RunInfo info, JsonNode inputConfig) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, toJson(results, info, inputConfig), StandardCharsets.UTF_8);
        return file;
    }

    public String toJson(BenchmarkResults results, RunInfo info, JsonNode inputConfig) {
        return toExport(results, info, inputConfig).toJson();
    }

    private static MetricBlock block(MetricResult m, BenchmarkResults results) {
        // epoch-ns timestamps exceed a double's exact range: keep the exact longs
        if (m.tag().equals(MinRequestTimestampMetric.TAG)) return MetricBlock.scalar(m.unit(), results.minRequestWallNs());
        if (m.tag().equals(MaxResponseTimestampMetric.TAG)) return MetricBlock.scalar(m.unit(), results.maxResponseWallNs());
        Map<String, Number> stats = new LinkedHashMap<>();
        if (m.isScalar()) {
            finite(stats, "avg", m.value());
        } else {
            Stats s = m.stats();
            for (String key : MetricBlock.RECORD_STATS) {
                // AIPerf writes count for record metrics only (derived ones, e.g. network_rtt, would read as a request count)
                if (key.equals("count")) {
                    if (m.type() == MetricType.RECORD) stats.put(key, s.count());
                } else {
                    finite(stats, key, s.get(key));
                }
            }
        }
        return new MetricBlock(m.unit(), stats);
    }

    private static void finite(Map<String, Number> stats, String key, double v) {
        if (Double.isFinite(v)) stats.put(key, v);
    }

    /** Whole numbers as integers (token counts, timestamps), everything else as a double. */
    static void writeNumber(JsonGenerator g, double v) throws IOException {
        if (DisplayNumbers.isIntegral(v)) g.writeNumber((long) v);
        else g.writeNumber(v);
    }
}
