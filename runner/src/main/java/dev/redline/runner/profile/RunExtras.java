package dev.redline.runner.profile;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.runner.client.ClientConfig;
import dev.redline.runner.config.UserFiles;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run does once, before its first request, besides the pipeline: notes on settings AIPerf adjusts
 * instead of refusing (streaming asked of an endpoint type that cannot stream), and the user files rendered into
 * the artifact directory (artifacts.userFiles) with the run's facts and the config's variables.
 */
final class RunExtras {
    private RunExtras() { }

    static void startOfRun(BenchmarkSpec spec, RunOptions options, ArtifactLayout layout, ClientConfig config, Instant start,
                           RunLog log) throws IOException {
        if (Boolean.TRUE.equals(spec.endpoint().getStreaming()) && !spec.endpoint().isStreaming()) {
            log.warn("--streaming is off: endpoint type " + spec.endpoint().resolvedType().wireName() + " does not stream (as AIPerf)");
        }
        List<String> formats = spec.getTelemetry() == null ? null : spec.getTelemetry().getServerMetricsFormats();
        if (formats != null && formats.stream().anyMatch("parquet"::equalsIgnoreCase)) {
            log.warn("--server-metrics-formats parquet: Redline writes no parquet file; the other formats are written"
                    + " (server_metrics_export.jsonl holds every scrape)");
        }
        if (spec.getArtifacts() == null || spec.getArtifacts().getUserFiles() == null) return;
        Map<String, Object> ctx = new LinkedHashMap<>(options.variables());
        ctx.put("model", spec.getModels().get(0));
        ctx.put("endpoint_url", config.endpointUrl());
        ctx.put("artifact_dir", layout.dir().toAbsolutePath().toString());
        ctx.put("epoch", start.getEpochSecond());
        ctx.put("job_name", layout.dir().getFileName().toString());
        String ns = System.getenv("REDLINE_NAMESPACE");
        ctx.put("namespace", ns == null ? "" : ns);
        new UserFiles().write(spec.getArtifacts().getUserFiles(), layout.dir(), ctx);
        log.info("Wrote " + spec.getArtifacts().getUserFiles().size() + " user file(s) into " + layout.dir());
    }
}
