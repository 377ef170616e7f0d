package dev.redline.compare;

import dev.redline.api.results.ExportFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestSamplesTest {
    @TempDir
    Path dir;

    /** Samples from {@code tag, values, tag, values...} via samples.json. */
    static RequestSamples samples(Object... tagsAndValues) {
        StringBuilder json = new StringBuilder("{\"metrics\":{");
        for (int i = 0; i < tagsAndValues.length; i += 2) {
            double[] v = (double[]) tagsAndValues[i + 1];
            if (i > 0) json.append(',');
            json.append('"').append(tagsAndValues[i]).append("\":{\"unit\":\"ms\",\"count\":").append(v.length).append(",\"values\":")
                    .append(Arrays.toString(v)).append('}');
        }
        return RequestSamples.parse(json.append("}}").toString(), "test");
    }

    private static String record(String phase, double ttft, boolean error, boolean cancelled) {
        return String.format(Locale.ROOT, "{\"metadata\":{\"benchmark_phase\":\"%s\",\"was_cancelled\":%s},"
                + "\"metrics\":{\"time_to_first_token\":{\"value\":%s,\"unit\":\"ms\"},"
                + "\"inter_chunk_latency\":{\"value\":[1,2],\"unit\":\"ms\"},\"input_sequence_length\":{\"value\":32,\"unit\":\"tokens\"}},"
                + "\"error\":%s}", phase, cancelled, ttft, error ? "{\"code\":500,\"type\":\"Server\",\"message\":\"x\"}" : "null");
    }

    @Test
    void keepsOnlyValidProfilingRequestsOfGateableMetrics() throws IOException {
        Path jsonl = dir.resolve("profile_export.jsonl");
        Files.writeString(jsonl, String.join("\n",
                record("warmup", 999, false, false),
                record("profiling", 10.1234567, false, false),
                record("profiling", 500, true, false),
                record("profiling", 600, false, true),
                "",
                record("profiling", 12, false, false)) + "\n");
        RequestSamples s = RequestSamples.load(dir);
        assertEquals(java.util.Set.of("time_to_first_token"), s.metrics().keySet(), "lists and token counts are not gated");
        RequestSamples.Metric ttft = s.metric("time_to_first_token");
        assertArrayEquals(new double[] {10.1235, 12}, ttft.values(), 0, "six significant digits");
        assertEquals(2, ttft.population());
        assertEquals("ms", ttft.unit());

        RequestSamples back = RequestSamples.parse(s.toJson(), "samples.json");
        assertArrayEquals(ttft.values(), back.metric("time_to_first_token").values(), 0);
        Files.writeString(dir.resolve("other.json"), s.toJson());
        assertArrayEquals(ttft.values(), RequestSamples.load(dir.resolve("other.json")).metric("time_to_first_token").values(), 0);
    }

    @Test
    void aLongRunIsSampledUniformlyToTheLimitTheSameWayEachTime() throws IOException {
        Path jsonl = dir.resolve("profile_export.jsonl");
        StringBuilder sb = new StringBuilder();
        int n = 3 * RequestSamples.LIMIT;
        for (int i = 0; i < n; i++) sb.append(record("profiling", i, false, false)).append('\n');
        Files.writeString(jsonl, sb);
        RequestSamples.Metric a = RequestSamples.fromJsonl(jsonl, RequestSamples.LIMIT).metric("time_to_first_token");
        RequestSamples.Metric b = RequestSamples.load(jsonl).metric("time_to_first_token");
        assertEquals(RequestSamples.LIMIT, a.values().length);
        assertEquals(n, a.population());
        assertArrayEquals(a.values(), b.values(), 0, "fixed seed: the runner and the CLI draw the same sample");
        // uniform over the whole file: each third of it is about a third of the sample
        long firstThird = Arrays.stream(a.values()).filter(v -> v < n / 3.0).count();
        assertEquals(RequestSamples.LIMIT / 3.0, firstThird, RequestSamples.LIMIT * 0.05);
        assertEquals((n - 1) / 2.0, Statistic.parse("p50").of(a.values()), n * 0.05);
    }

    @Test
    void unreadableInputIsOneLineNamingTheFile() throws IOException {
        Files.writeString(dir.resolve("profile_export.jsonl"), record("profiling", 1, false, false) + "\n{not json\n");
        String msg = assertThrows(ExportFormatException.class, () -> RequestSamples.load(dir)).getMessage();
        assertTrue(msg.contains("profile_export.jsonl line 2 is not JSON"), msg);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertTrue(assertThrows(ExportFormatException.class, () -> RequestSamples.load(empty)).getMessage()
                .contains("has neither profile_export.jsonl nor samples.json"));
        assertTrue(assertThrows(ExportFormatException.class, () -> RequestSamples.parse("{\"metrics\":{\"x\":{\"values\":[\"a\"]}}}", "cm"))
                .getMessage().contains("cm: metrics.x.values[0] is not a finite number"));
        assertNull(RequestSamples.parse("{\"metrics\":{}}", "cm").metric("time_to_first_token"));
    }
}
