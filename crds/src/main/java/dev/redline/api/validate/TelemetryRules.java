package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.TelemetrySpec;

import java.util.List;
import java.util.regex.Pattern;

/** Telemetry (intervals and timeout are bounded in the schema, see SchemaBounds): URLs usable, DCGM pod selector and namespace well-formed. */
final class TelemetryRules implements ValidationRule {
    private static final Pattern SELECTOR_TERM =
            Pattern.compile("!?[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?(\\s*(==?|!=)\\s*[A-Za-z0-9._-]*)?");

    static final List<String> SERVER_FORMATS = List.of("json", "csv", "jsonl");
    static final List<String> GPU_COLLECTORS = List.of("dcgm", "pynvml", "amdsmi");

    private static final Pattern NAMESPACE = Pattern.compile(TelemetrySpec.NAMESPACE_PATTERN);

    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        TelemetrySpec t = spec.getTelemetry();
        if (t == null) return;
        urls(out, "telemetry.serverMetricsUrls", t.getServerMetricsUrls());
        if (t.getServerMetricsFormats() != null) {
            for (int i = 0; i < t.getServerMetricsFormats().size(); i++) {
                String f = t.getServerMetricsFormats().get(i);
                if ("parquet".equalsIgnoreCase(f)) {
                    continue; // accepted as AIPerf's templates list it; the run warns that it writes no parquet file
                } else if (f == null || !SERVER_FORMATS.contains(f.toLowerCase(java.util.Locale.ROOT))) {
                    out.add("telemetry.serverMetricsFormats[" + i + "]", "unknown format '" + f + "'; use json, csv or jsonl");
                }
            }
        }
        String collector = t.getGpuTelemetryCollector();
        if (collector != null && !GPU_COLLECTORS.contains(collector)) {
            out.add("telemetry.gpuTelemetryCollector", "unknown collector '" + collector + "'; use dcgm, pynvml or amdsmi");
        }
        urls(out, "telemetry.gpuTelemetryUrls", t.getGpuTelemetryUrls());
        if (t.getGpuMetricsFile() != null && t.getGpuMetricsFile().isBlank()) {
            out.add("telemetry.gpuMetricsFile", "is empty; give the path of a DCGM metrics CSV or leave it out");
        }
        String sel = t.getDcgmPodSelector();
        if (sel != null) {
            for (String term : sel.split(",", -1)) {
                if (!SELECTOR_TERM.matcher(term.trim()).matches()) {
                    out.add("telemetry.dcgmPodSelector", "'" + sel + "' is not a label selector; use key=value pairs"
                            + " separated by commas, e.g. app.kubernetes.io/name=dcgm-exporter");
                    break;
                }
            }
        }
        String ns = t.getDcgmNamespace();
        if (ns != null && !NAMESPACE.matcher(ns).matches()) {
            out.add("telemetry.dcgmNamespace", "'" + ns + "' is not a namespace name; use lower-case letters, digits"
                    + " and '-', e.g. gpu-operator");
        }
    }

    private static void urls(Violations out, String path, List<String> urls) {
        if (urls == null) return;
        for (int i = 0; i < urls.size(); i++) {
            String u = urls.get(i);
            if (u == null || u.isBlank()) {
                out.add(path + "[" + i + "]", "URL is empty; give a URL like http://host:9400/metrics");
                continue;
            }
            for (String part : u.split(",")) {
                if (part.isBlank()) continue;
                String p = part.trim().toLowerCase();
                if (p.equals("pynvml") || p.equals("amdsmi")) {
                    out.add(path + "[" + i + "]", "'" + part.trim() + "' is a collector, not a URL; set gpuTelemetryCollector: "
                            + p + " (CLI: --gpu-telemetry " + p + ")");
                    continue;
                }
                if (p.endsWith(".csv")) {
                    out.add(path + "[" + i + "]", "'" + part.trim() + "' is a metrics file, not a URL; set gpuMetricsFile: "
                            + part.trim() + " (CLI: --gpu-telemetry " + part.trim() + ")");
                    continue;
                }
                String problem = EndpointRules.urlProblem(part.trim());
                if (problem != null) out.add(path + "[" + i + "]", problem);
            }
        }
    }
}
