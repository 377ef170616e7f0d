package dev.redline.runner.plot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small export files with known numbers, written as Redline writes them, and the real AIPerf fixtures. */
final class PlotFixtures {
    private PlotFixtures() { }

    /** A copy of src/test/resources/plot/aiperf/&lt;name&gt; under {@code dir} (tests may write plots into it). */
    static Path aiperf(String name, Path dir) throws IOException {
        Path src;
        try {
            src = Path.of(PlotFixtures.class.getResource("/plot/aiperf/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path dst = dir.resolve(name);
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return dst;
    }

    /** A Redline summary: concurrency, model, and metrics given as "tag unit avg p50 p90 p95 p99" lines. */
    static Path summary(Path dir, String model, int concurrency, String... metrics) throws IOException {
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("{\"schema_version\":\"1.5\",\"redline_version\":\"test\",");
        json.append("\"input_config\":{\"models\":[\"").append(model).append("\"],\"endpoint\":{\"url\":\"http://x\",\"streaming\":true},")
                .append("\"phases\":[{\"kind\":\"profiling\",\"concurrency\":").append(concurrency).append("}]}");
        for (String m : metrics) {
            String[] f = m.split(" ");
            json.append(",\"").append(f[0]).append("\":{\"unit\":\"").append(f[1]).append("\",\"avg\":").append(f[2]);
            if (f.length > 3) {
                json.append(",\"p50\":").append(f[3]).append(",\"p90\":").append(f[4]).append(",\"p95\":").append(f[5])
                        .append(",\"p99\":").append(f[6]);
            }
            json.append('}');
        }
        json.append('}');
        Path file = dir.resolve("profile_export_redline.json");
        Files.writeString(file, json);
        return file;
    }

    /** One profile_export.jsonl line: start/end in ms since 0, TTFT/ITL/latency ms, OSL; error type or null. */
    static String record(double startMs, double endMs, double ttft, double itl, double latency, int osl, String error) {
        long base = 1_000_000_000_000L;
        String metrics = error != null ? "{\"error_isl\":{\"value\":64,\"unit\":\"tokens\"}}"
                : "{\"time_to_first_token\":{\"value\":" + ttft + ",\"unit\":\"ms\"},\"inter_token_latency\":{\"value\":" + itl
                + ",\"unit\":\"ms\"},\"request_latency\":{\"value\":" + latency + ",\"unit\":\"ms\"},\"output_sequence_length\":{\"value\":"
                + osl + ",\"unit\":\"tokens\"}}";
        return "{\"metadata\":{\"request_start_ns\":" + (base + (long) (startMs * 1e6)) + ",\"request_end_ns\":" + (base + (long) (endMs * 1e6))
                + ",\"benchmark_phase\":\"profiling\"},\"metrics\":" + metrics + ",\"error\":"
                + (error == null ? "null" : "{\"code\":500,\"type\":\"" + error + "\",\"message\":\"boom\"}") + "}";
    }

    /** Epoch ns of {@code ms} after the records' time origin. */
    static long ns(double ms) {
        return 1_000_000_000_000L + (long) (ms * 1e6);
    }
}
