package dev.redline.runner.speedbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redline.runner.console.TextTable;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * AIPerf's SPEED-Bench matrix ({@code aiperf speed-bench-report}): one row per model, one column per benchmark
 * category, plus the row's mean ("Overall"). Categories come from the run's dataset name ({@code speed_bench_*},
 * {@code spec_al_*}); acceptance from the run's server metrics as AIPerf reads them, else (Redline) from the run's own
 * per-request spec-decode metrics; throughput from the profile export. Warnings go to stderr as AIPerf's do.
 */
public final class SpeedBenchReport {
    /** Why no report could be made (AIPerf's SpeedBenchReportError). */
    public static final class ReportError extends Exception {
        public ReportError(String message) { super(message); }
    }

    public enum Metric { accept_length, accept_rate, throughput }

    static final List<String> PROFILE_JSON = List.of("profile_export_redline.json", "profile_export_aiperf.json");
    static final String SERVER_METRICS_JSON = "server_metrics_export.json";
    static final List<String> QUALITATIVE = List.of("coding", "humanities", "math", "multilingual", "qa", "rag",
            "reasoning", "roleplay", "stem", "summarization", "writing");
    static final List<String> THROUGHPUT_TIERS = List.of("low_entropy", "mixed", "high_entropy");
    /** AIPerf's curated order: math, then chat, then code. */
    static final List<String> SPEC_AL = List.of("gsm8k", "math500", "mtbench", "humaneval", "mbpp");
    private static final List<String> PREFIXES = List.of("speed_bench_", "spec_al_");
    private static final List<String> ACCEPT_LENGTH = List.of("sglang:spec_accept_length",
            "vllm:spec_decode_mean_accepted_length", "trtllm:spec_accept_length");
    private static final List<String> ACCEPT_RATE = List.of("sglang:spec_accept_rate",
            "vllm:spec_decode_draft_acceptance_rate", "trtllm:spec_accept_rate");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final PrintWriter err;

    public SpeedBenchReport(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Discovers the runs under {@code paths}, builds the matrix and prints the table and/or writes the CSV. */
    public void generate(List<Path> paths, Path output, String format, Metric metric) throws ReportError, IOException {
        List<Path> runs = findRunDirs(paths);
        if (runs.isEmpty()) {
            throw new ReportError("no run directories found (a run directory holds " + String.join(" or ", PROFILE_JSON)
                    + "); pass run directories or a directory of them");
        }
        out.println("Found " + runs.size() + " run directories.");
        Map<String, Map<String, Double>> results = build(runs, metric);
        boolean any = results.values().stream().anyMatch(m -> m.values().stream().anyMatch(v -> v != null));
        if (!any) {
            throw new ReportError("no SPEED-Bench results extracted (a run needs a speed_bench_* or spec_al_* dataset and "
                    + "the chosen --metric)");
        }
        List<String> columns = columns(results);
        if (!format.equals("csv")) out.print(table(results, columns, metric));
        if (!format.equals("table")) {
            Files.writeString(output, csv(results, columns), StandardCharsets.UTF_8);
            out.println("CSV written to " + output);
        }
        out.flush();
    }

    List<Path> findRunDirs(List<Path> paths) throws IOException {
        List<Path> runs = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                err.println("Warning: " + p + " is not a directory, skipping");
                continue;
            }
            if (profileFile(p) != null) {
                runs.add(p);
                continue;
            }
            try (Stream<Path> children = Files.list(p)) {
                children.filter(c -> Files.isDirectory(c) && profileFile(c) != null)
                        .sorted((a, b) -> a.toString().compareTo(b.toString())).forEach(runs::add);
            }
        }
        err.flush();
        return runs;
    }

    private static Path profileFile(Path dir) {
        for (String name : PROFILE_JSON) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }

    /** model -> category -> value (null: no value); a later run of the same model and category replaces an earlier. */
    Map<String, Map<String, Double>> build(List<Path> runs, Metric metric) {
        Map<String, Map<String, Double>> results = new TreeMap<>();
        for (Path run : runs) {
            JsonNode profile = load(profileFile(run));
            if (profile == null) {
                err.println("Warning: no readable profile export in " + run + ", skipping");
                continue;
            }
            String category = category(profile);
            if (category == null) {
                err.println("Warning: cannot determine category from " + run + ", skipping");
                continue;
            }
            Double value = switch (metric) {
                case throughput -> stat(profile.path("output_token_throughput"), "avg");
                case accept_length, accept_rate -> acceptance(run, profile, metric);
            };
            if (value != null && value.isNaN()) value = null;
            results.computeIfAbsent(model(profile), m -> new LinkedHashMap<>()).put(category, value);
        }
        err.flush();
        return results;
    }

    private Double acceptance(Path run, JsonNode profile, Metric metric) {
        Path server = run.resolve(SERVER_METRICS_JSON);
        Double v = null;
        if (Files.isRegularFile(server)) {
            JsonNode sm = load(server);
            if (sm != null) v = metric == Metric.accept_length ? acceptLength(sm.path("metrics")) : acceptRate(sm.path("metrics"));
        }
        if (v != null) return v;
        // Redline: the run's own per-request acceptance (vLLM's per-request spec-decode object), token-weighted
        if (metric == Metric.accept_length) v = stat(profile.path("spec_decode_token_weighted_acceptance_length"), "avg");
        else {
            Double pct = stat(profile.path("spec_decode_overall_draft_acceptance_rate"), "avg");
            v = pct == null ? null : pct / 100.0; // AIPerf's accept_rate is a fraction
        }
        if (v == null && !Files.isRegularFile(server)) err.println("Warning: no " + SERVER_METRICS_JSON + " in " + run);
        return v;
    }

    private JsonNode load(Path file) {
        if (file == null) return null;
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            err.println("Warning: failed to read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    /** AIPerf: {@code input_config.datasets[].format|dataset}; Redline: {@code input_config.dataset.publicDataset|customDatasetType}. */
    static String category(JsonNode profile) {
        JsonNode config = profile.path("input_config");
        List<JsonNode> entries = new ArrayList<>();
        config.path("datasets").forEach(entries::add);
        if (config.path("dataset").isObject()) entries.add(config.path("dataset"));
        for (JsonNode e : entries) {
            for (String field : List.of("format", "dataset", "publicDataset", "customDatasetType")) {
                JsonNode name = e.path(field);
                if (!name.isTextual()) continue;
                for (String prefix : PREFIXES) if (name.asText().startsWith(prefix)) return name.asText().substring(prefix.length());
                break; // AIPerf reads the first name an entry has
            }
        }
        return null;
    }

    /** AIPerf: {@code input_config.models.items[0].name}; Redline: {@code input_config.models[0]}; else "unknown". */
    static String model(JsonNode profile) {
        JsonNode models = profile.path("input_config").path("models");
        JsonNode items = models.isArray() ? models : models.path("items");
        for (JsonNode m : items) {
            JsonNode name = m.isTextual() ? m : m.path("name");
            if (name.isTextual() && !name.asText().isEmpty()) return name.asText();
        }
        return "unknown";
    }

    private static Double stat(JsonNode block, String stat) {
        JsonNode v = block.path(stat);
        return v.isNumber() ? v.asDouble() : null;
    }

    /** A metric's first series' stat; a counter also under its exposed name (Redline keeps vLLM's {@code _total}). */
    private static Double seriesStat(JsonNode metrics, String name, String stat) {
        JsonNode metric = metrics.has(name) || name.endsWith("_total") ? metrics.path(name) : metrics.path(name + "_total");
        JsonNode series = metric.path("series");
        return series.isArray() && !series.isEmpty() ? stat(series.get(0).path("stats"), stat) : null;
    }

    /** AIPerf's order: a named gauge, then vLLM's counters (accepted / drafts + 1), then any spec+accept+length gauge. */
    static Double acceptLength(JsonNode metrics) {
        for (String name : ACCEPT_LENGTH) {
            Double v = seriesStat(metrics, name, "avg");
            if (v != null) return v;
        }
        Double accepted = seriesStat(metrics, "vllm:spec_decode_num_accepted_tokens", "total");
        Double drafts = seriesStat(metrics, "vllm:spec_decode_num_drafts", "total");
        if (accepted != null && drafts != null && drafts > 0) return accepted / drafts + 1.0;
        for (Map.Entry<String, JsonNode> e : metrics.properties()) {
            String lower = e.getKey().toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("spec") && lower.contains("accept") && lower.contains("length")) {
                Double v = seriesStat(metrics, e.getKey(), "avg");
                if (v != null) return v;
            }
        }
        return null;
    }

    static Double acceptRate(JsonNode metrics) {
        for (String name : ACCEPT_RATE) {
            Double v = seriesStat(metrics, name, "avg");
            if (v != null) return v;
        }
        Double accepted = seriesStat(metrics, "vllm:spec_decode_num_accepted_tokens", "total");
        Double drafted = seriesStat(metrics, "vllm:spec_decode_num_draft_tokens", "total");
        if (accepted != null && drafted != null && drafted > 0) return accepted / drafted;
        return null;
    }

    /** A known column set in its own order when every category belongs to it, else all categories sorted. */
    static List<String> columns(Map<String, Map<String, Double>> results) {
        Set<String> all = new LinkedHashSet<>();
        results.values().forEach(m -> all.addAll(m.keySet()));
        for (List<String> known : List.of(QUALITATIVE, THROUGHPUT_TIERS, SPEC_AL)) {
            if (known.containsAll(all)) return known.stream().filter(all::contains).toList();
        }
        return all.stream().sorted().toList();
    }

    /** Python's {@code f"{v:.2f}"}: the double's exact value rounded half to even. */
    static String fmt(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static List<String> cells(Map<String, Double> data, List<String> columns, String missing) {
        List<String> row = new ArrayList<>();
        double sum = 0;
        int n = 0;
        for (String c : columns) {
            Double v = data.get(c);
            row.add(v == null ? missing : fmt(v));
            if (v != null) {
                sum += v;
                n++;
            }
        }
        row.add(n == 0 ? missing : fmt(sum / n));
        return row;
    }

    static String csv(Map<String, Map<String, Double>> results, List<String> columns) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("Model");
        header.addAll(columns);
        header.add("Overall");
        csvLine(b, header);
        results.forEach((model, data) -> {
            List<String> row = new ArrayList<>();
            row.add(model);
            row.addAll(cells(data, columns, ""));
            csvLine(b, row);
        });
        return b.toString();
    }

    /** Python csv's default dialect: quoted only when needed, CRLF line ends. */
    private static void csvLine(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (i > 0) b.append(',');
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        b.append("\r\n");
    }

    static String table(Map<String, Map<String, Double>> results, List<String> columns, Metric metric) {
        String title = switch (metric) {
            case accept_length -> "Acceptance Length Report";
            case accept_rate -> "Acceptance Rate Report";
            case throughput -> "Throughput Report (tokens/sec)";
        };
        String[] headers = new String[columns.size() + 2];
        boolean[] right = new boolean[headers.length];
        headers[0] = "Model";
        for (int i = 0; i < columns.size(); i++) {
            headers[i + 1] = columns.get(i);
            right[i + 1] = true;
        }
        headers[headers.length - 1] = "Overall";
        right[headers.length - 1] = true;
        TextTable t = new TextTable(title, headers, right);
        results.forEach((model, data) -> {
            List<String> row = new ArrayList<>();
            row.add(model);
            row.addAll(cells(data, columns, "-"));
            t.row(row.toArray(String[]::new));
        });
        return t.render();
    }
}
