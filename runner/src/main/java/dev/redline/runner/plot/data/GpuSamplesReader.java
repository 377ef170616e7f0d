package dev.redline.runner.plot.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads AIPerf's raw GPU samples ({@code gpu_telemetry_export.jsonl}: one line per GPU and scrape) into
 * Redline's field names, so the GPU plots read both tools' runs.
 */
public final class GpuSamplesReader {
    /** AIPerf field (vendor-prefixed) to Redline key (docs/telemetry.md). */
    static final Map<String, String> FIELDS = Map.of(
            "nvidia_power_usage", "gpu_power_usage",
            "nvidia_gpu_utilization", "gpu_utilization",
            "nvidia_memory_used", "gpu_memory_used");

    private GpuSamplesReader() { }

    public static List<GpuSample> read(Path jsonl) {
        List<GpuSample> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode s = RunLoader.JSON.readTree(line);
                String gpu = "GPU " + s.path("gpu_index").asText("?") + " " + s.path("gpu_model_name").asText("")
                        + " (" + s.path("gpu_uuid").asText("") + ")";
                long t = s.path("timestamp_ns").asLong();
                // every numeric field: the ones Redline knows under its key, the others under AIPerf's name
                for (Iterator<Map.Entry<String, JsonNode>> it = s.path("telemetry_data").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    JsonNode v = f.getValue();
                    if (v.isNumber() && Double.isFinite(v.asDouble())) {
                        out.add(new GpuSample(gpu, FIELDS.getOrDefault(f.getKey(), f.getKey()), t, v.asDouble()));
                    }
                }
            }
        } catch (IOException e) {
            throw new BadInputException(jsonl + ": not readable GPU telemetry JSONL (" + RunLoader.oneLine(e.getMessage()) + ")");
        }
        return out;
    }
}
