package dev.redline.runner.export;

import dev.redline.runner.metrics.BenchmarkResults;
import dev.redline.runner.metrics.MetricFlag;
import dev.redline.runner.metrics.MetricResult;
import dev.redline.runner.stats.Stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code profile_export_redline.csv} in AIPerf's layout: a section of distributions
 * ({@code Metric,avg,min,max,p1,...,p99,std}), a blank line, then {@code Metric,Value} rows for scalar
 * metrics. Labels are {@code Header (unit)} (no unit for request counts); internal metrics are left out.
 */
public final class SummaryCsvWriter {
    public static final String FILE_NAME = "profile_export_redline.csv";
    static final String[] STAT_COLUMNS = {"avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95",
            "p99", "std"};

    public Path write(Path dir, BenchmarkResults results) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, toCsv(results), StandardCharsets.UTF_8);
        return file;
    }

    public String toCsv(BenchmarkResults results) {
        StringBuilder sb = new StringBuilder("Metric,").append(String.join(",", STAT_COLUMNS)).append('\n');
        for (MetricResult m : results.metrics()) {
            if (m.isScalar() || m.def().has(MetricFlag.INTERNAL)) continue;
            Stats s = m.stats();
            sb.append(field(label(m)));
            for (String col : STAT_COLUMNS) sb.append(',').append(DisplayNumbers.csv(s.get(col)));
            sb.append('\n');
        }
        sb.append('\n').append("Metric,Value\n");
        for (MetricResult m : results.metrics()) {
            if (!m.isScalar() || m.def().has(MetricFlag.INTERNAL)) continue;
            sb.append(field(label(m))).append(',').append(DisplayNumbers.csv(m.value())).append('\n');
        }
        return sb.toString();
    }

    static String label(MetricResult m) {
        String unit = m.unit();
        return unit.equals("requests") || unit.equals("count") ? m.header() : m.header() + " (" + unit + ")";
    }

    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
