package dev.redline.runner.plot.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.runner.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads the profiling requests of profile_export.jsonl (Redline's and AIPerf's shape), ordered by start. */
public final class RecordsReader {
    private RecordsReader() { }

    public static List<RequestPoint> read(Path jsonl) {
        List<RequestPoint> out = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                JsonNode r;
                try {
                    r = RunLoader.JSON.readTree(line);
                } catch (IOException e) {
                    throw new BadInputException(jsonl + ":" + number + ": not a JSON record (" + RunLoader.oneLine(e.getMessage()) + ")");
                }
                RequestPoint p = point(r, columns);
                if (p != null) out.add(p);
            }
        } catch (IOException e) {
            throw new BadInputException(jsonl + ": cannot read (" + RunLoader.oneLine(e.getMessage()) + ")");
        }
        out.sort(Comparator.comparingLong(RequestPoint::startNs));
        return out;
    }

    /** {@code columns}: the metric tags of the file so far, by position in each record's values (grows as tags appear). */
    private static RequestPoint point(JsonNode r, Map<String, Integer> columns) {
        JsonNode meta = r.path("metadata");
        if (!"profiling".equals(meta.path("benchmark_phase").asText("profiling"))) return null;
        if (!meta.path("request_start_ns").isNumber()) return null;
        long start = meta.path("request_start_ns").asLong();
        long end = meta.path("request_end_ns").isNumber() ? meta.path("request_end_ns").asLong() : start;
        JsonNode m = r.path("metrics");
        double osl = value(m, "output_sequence_length");
        if (Double.isNaN(osl)) osl = value(m, "output_token_count");
        JsonNode error = r.path("error");
        String type = error.isObject() ? error.path("type").asText("error") : null;
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) columns.putIfAbsent(it.next(), columns.size());
        double[] values = new double[columns.size()];
        Arrays.fill(values, Double.NaN);
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue().path("value");
            if (v.isNumber() && Double.isFinite(v.asDouble())) values[columns.get(e.getKey())] = v.asDouble();
        }
        return new RequestPoint(start, end, value(m, "time_to_first_token"), value(m, "inter_token_latency"),
                value(m, "request_latency"), osl, type, columns, values);
    }

    private static double value(JsonNode metrics, String tag) {
        JsonNode v = metrics.path(tag).path("value");
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
