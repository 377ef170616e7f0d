package dev.redline.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.results.ExportFormatException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Per-request values of the {@link GateMetrics gateable metrics} of one run: every valid profiling request
 * of a {@code profile_export.jsonl} (Redline's or AIPerf's), or a uniform random sample of at most
 * {@link #LIMIT} per metric when there are more. The sample is drawn with a fixed seed in file order, so
 * the runner (which writes it as {@code samples.json} into the results ConfigMap) and {@code redline
 * compare} over the same JSONL hold the same values, and so reach the same verdict.
 */
public final class RequestSamples {
    /** Values kept per metric: about 20 KB of JSON each, so every gateable metric fits a ConfigMap beside the summary. */
    public static final int LIMIT = 2000;
    /** The file name in a run directory and the key in the results ConfigMap. */
    public static final String FILE = "samples.json";
    public static final String JSONL = "profile_export.jsonl";
    static final String SCHEMA_VERSION = "1";
    private static final long SEED = 0x5eed_2024L;
    private static final MathContext DIGITS = new MathContext(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One metric's sample and how many requests it was drawn from. */
    public record Metric(String unit, long population, double[] values) { }

    private final Map<String, Metric> metrics;

    private RequestSamples(Map<String, Metric> metrics) {
        this.metrics = Collections.unmodifiableMap(metrics);
    }

    public Map<String, Metric> metrics() { return metrics; }

    /** The metric's values, or null when the run has none. */
    public Metric metric(String tag) { return metrics.get(tag); }

    /**
     * A run: a directory holding {@code profile_export.jsonl} (or {@code samples.json}), or one of those files.
     * ExportFormatException (one line) when there is nothing to read.
     */
    public static RequestSamples load(Path path) {
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve(JSONL))) return fromJsonl(path.resolve(JSONL), LIMIT);
            if (Files.isRegularFile(path.resolve(FILE))) return parse(read(path.resolve(FILE)), path.resolve(FILE).toString());
            throw new ExportFormatException(path + " has neither " + JSONL + " nor " + FILE
                    + "; give a run directory written with --export-level records (the default)");
        }
        if (!Files.isRegularFile(path)) throw new ExportFormatException(path + " does not exist");
        String name = path.getFileName().toString();
        return name.endsWith(".jsonl") ? fromJsonl(path, LIMIT) : parse(read(path), path.toString());
    }

    /** Reads the valid profiling requests of a per-request export, at most {@code limit} values per metric. */
    public static RequestSamples fromJsonl(Path file, int limit) {
        Map<String, Reservoir> reservoirs = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new ExportFormatException(file + " line " + lineNo + " is not JSON: " + oneLine(e.getOriginalMessage()));
                }
                if (!isValidProfilingRequest(record)) continue;
                JsonNode m = record.path("metrics");
                for (String tag : GateMetrics.tags()) {
                    JsonNode value = m.path(tag).path("value");
                    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) continue;
                    reservoirs.computeIfAbsent(tag, t -> new Reservoir(m.path(t).path("unit").asText(""), limit, t))
                            .offer(round(value.doubleValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Metric> out = new LinkedHashMap<>();
        reservoirs.forEach((tag, r) -> out.put(tag, r.toMetric()));
        return new RequestSamples(out);
    }

    /** Profiling phase, no error, not cancelled (AIPerf's records without a phase count as profiling). */
    private static boolean isValidProfilingRequest(JsonNode record) {
        JsonNode meta = record.path("metadata");
        JsonNode phase = meta.path("benchmark_phase");
        if (phase.isTextual() && !"profiling".equals(phase.asText())) return false;
        if (meta.path("was_cancelled").asBoolean(false)) return false;
        JsonNode error = record.get("error");
        return error == null || error.isNull();
    }

    /** Reads {@code samples.json}; {@code source} names where it came from for the one-line error. */
    public static RequestSamples parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ExportFormatException(source + " is not valid JSON: " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || !root.path("metrics").isObject()) {
            throw new ExportFormatException(source + " has no 'metrics' object: not a Redline " + FILE);
        }
        Map<String, Metric> out = new LinkedHashMap<>();
        for (var e : root.get("metrics").properties()) {
            JsonNode values = e.getValue().path("values");
            if (!values.isArray()) throw new ExportFormatException(source + ": metrics." + e.getKey() + ".values is not a list");
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                JsonNode n = values.get(i);
                if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
                    throw new ExportFormatException(source + ": metrics." + e.getKey() + ".values[" + i + "] is not a finite number");
                }
                v[i] = n.doubleValue();
            }
            out.put(e.getKey(), new Metric(e.getValue().path("unit").asText(""), e.getValue().path("count").asLong(v.length), v));
        }
        return new RequestSamples(out);
    }

    /** The {@code samples.json} form. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("schema_version", SCHEMA_VERSION).put("limit", LIMIT);
        ObjectNode ms = root.putObject("metrics");
        metrics.forEach((tag, m) -> {
            ObjectNode o = ms.putObject(tag).put("unit", m.unit()).put("count", m.population());
            ArrayNode a = o.putArray("values");
            for (double d : m.values()) a.add(d);
        });
        return root.toString();
    }

    public boolean isEmpty() { return metrics.isEmpty(); }

    /** Six significant digits: plenty for latencies in ms, and it keeps samples.json small. */
    private static double round(double v) {
        return v == 0 ? 0 : new BigDecimal(v).round(DIGITS).doubleValue();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Algorithm R: a uniform sample of a stream of unknown length, seeded per metric. */
    private static final class Reservoir {
        private final String unit;
        private final double[] kept;
        private final SplittableRandom random;
        private long seen;

        Reservoir(String unit, int limit, String tag) {
            this.unit = unit;
            this.kept = new double[limit];
            this.random = new SplittableRandom(SEED ^ tag.hashCode());
        }

        void offer(double v) {
            if (seen < kept.length) {
                kept[(int) seen] = v;
            } else {
                long j = random.nextLong(seen + 1);
                if (j < kept.length) kept[(int) j] = v;
            }
            seen++;
        }

        Metric toMetric() {
            return new Metric(unit, seen, Arrays.copyOf(kept, (int) Math.min(seen, kept.length)));
        }
    }
}
