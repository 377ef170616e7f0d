package dev.redline.runner.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-request metric values from a run's {@code profile_export.jsonl}, as AIPerf reads them for the KS
 * convergence test and the collated export: profiling-phase records without an error, scalar
 * {@code metrics.<tag>.value} only. A missing file gives no values.
 */
public final class RequestSamples {
    public static final String FILE = "profile_export.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestSamples() { }

    /** Every metric's values in file order. */
    public static Map<String, double[]> all(Path jsonl) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(jsonl)) return Map.of();
        try (BufferedReader in = Files.newBufferedReader(jsonl)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode rec;
                try {
                    rec = JSON.readTree(line);
                } catch (IOException malformed) {
                    continue; // AIPerf skips a malformed line too
                }
                if (!"profiling".equals(rec.path("metadata").path("benchmark_phase").asText())) continue;
                if (rec.hasNonNull("error")) continue;
                rec.path("metrics").properties().forEach(e -> {
                    JsonNode v = e.getValue().get("value");
                    if (v != null && v.isNumber()) values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(v.asDouble());
                });
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    public static double[] of(Path jsonl, String metric) {
        return all(jsonl).getOrDefault(metric, new double[0]);
    }
}
