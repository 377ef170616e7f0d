package dev.redline.runner.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What AIPerf's MLflow exporter logs for a run, under AIPerf's names, read from the summary export just written (so
 * MLflow holds exactly the file's numbers): every metric's statistics ({@code <tag>} for avg, {@code <tag>.<stat>}
 * for the others), {@code aiperf.completed_requests}/{@code aiperf.total_expected_requests}; the endpoint and load
 * parameters; and the version, cancellation and benchmark id tags with the user's tags over them.
 */
record MlflowRunContent(Map<String, Double> metrics, Map<String, String> params, Map<String, String> tags,
                        String benchmarkId) {
    /** AIPerf's statistic fields, in its order. */
    static final List<String> STATS = List.of("avg", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99",
            "min", "max", "std", "count", "sum");
    /** MLflow's limit on a param value (the command line can be long). */
    static final int MAX_PARAM_VALUE = 6000;

    static MlflowRunContent of(JsonNode export, BenchmarkSpec spec, String version) {
        String benchmarkId = export.path("benchmark_id").asText(null);
        return new MlflowRunContent(metrics(export, spec), params(export, spec), tags(export, spec, version, benchmarkId), benchmarkId);
    }

    private static Map<String, Double> metrics(JsonNode export, BenchmarkSpec spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        export.properties().forEach(e -> {
            JsonNode m = e.getValue();
            if (!m.isObject() || !m.has("unit")) return; // a metric result; the rest is run metadata
            for (String stat : STATS) {
                JsonNode v = m.get(stat);
                if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) continue;
                out.put(stat.equals("avg") ? e.getKey() : e.getKey() + "." + stat, v.asDouble());
            }
        });
        double completed = export.path("request_count").path("avg").asDouble(0) + export.path("error_request_count").path("avg").asDouble(0);
        out.put("aiperf.completed_requests", completed);
        PhaseSpec p = profiling(spec);
        if (p != null && p.getRequests() != null) out.put("aiperf.total_expected_requests", (double) p.getRequests());
        return out;
    }

    private static Map<String, String> params(JsonNode export, BenchmarkSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("endpoint.type", spec.endpoint().resolvedType().wireName());
        out.put("endpoint.models", spec.getModels() == null ? "" : String.join(",", spec.getModels()));
        out.put("endpoint.urls", String.join(",", urls(spec)));
        JsonNode dir = export.path("input_config").path("artifacts").path("dir");
        out.put("output.artifact_directory", dir.isTextual() ? dir.asText() : "");
        PhaseSpec p = profiling(spec);
        if (p != null) {
            out.put("timing.mode", p.resolvedType().wireName());
            if (p.getConcurrency() != null) out.put("loadgen.concurrency", String.valueOf(p.getConcurrency()));
            Double rate = p.resolvedRate();
            if (rate == null && p.getRateSeries() != null && !p.getRateSeries().isEmpty()) rate = p.getRateSeries().get(0).getQps();
            if (rate != null) out.put("loadgen.request_rate", String.valueOf(rate));
            if (p.getRequests() != null) out.put("loadgen.request_count", String.valueOf(p.getRequests()));
            if (p.getDuration() != null) out.put("loadgen.benchmark_duration", String.valueOf(p.getDuration()));
        }
        String cli = export.path("run_info").path("cli_command").asText("");
        if (!cli.isEmpty()) out.put("aiperf.cli_command", cli.length() > MAX_PARAM_VALUE ? cli.substring(0, MAX_PARAM_VALUE - 3) + "..." : cli);
        return out;
    }

    private static Map<String, String> tags(JsonNode export, BenchmarkSpec spec, String version, String benchmarkId) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("redline.version", version);
        out.put("aiperf.was_cancelled", String.valueOf(export.path("was_cancelled").asBoolean(false)));
        if (benchmarkId != null) out.put("benchmark_id", benchmarkId);
        JsonNode info = export.path("run_info"); // where the run sits in a sweep or multi-run, so its cells can be grouped
        if (info.hasNonNull("sweep_id")) out.put("redline.sweep_id", info.get("sweep_id").asText());
        if (info.hasNonNull("variation_label")) out.put("redline.variation_label", info.get("variation_label").asText());
        if (info.has("trial")) out.put("redline.trial", String.valueOf(info.get("trial").asInt()));
        out.putAll(spec.getMlflow().resolvedTags());
        return out;
    }

    static List<String> urls(BenchmarkSpec spec) {
        List<String> urls = new ArrayList<>();
        if (spec.endpoint().getUrl() != null) urls.add(spec.endpoint().getUrl());
        if (spec.endpoint().getUrls() != null) urls.addAll(spec.endpoint().getUrls());
        return urls.stream().map(UserInfo::redact).toList();
    }

    private static PhaseSpec profiling(BenchmarkSpec spec) {
        return spec.phases().stream().filter(p -> p.resolvedKind() == PhaseKind.PROFILING).findFirst().orElse(null);
    }
}
