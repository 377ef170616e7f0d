package dev.redline.runner.cli;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.config.LoadedConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings a file may hold that are accepted (AIPerf accepts them too) but change nothing, and sections this build
 * reads but does not run: {@code config validate} warns about them.
 */
final class ConfigWarnings {
    private ConfigWarnings() { }

    static List<String> of(LoadedConfig c, String source) {
        List<String> out = new ArrayList<>();
        BenchmarkSpec s = c.spec();
        if (s.getEndpoint() != null && Boolean.TRUE.equals(s.getEndpoint().getStreaming()) && !s.getEndpoint().isStreaming()) {
            out.add(where(c, "endpoint.streaming", source) + ": endpoint type " + s.getEndpoint().resolvedType().wireName()
                    + " does not stream; streaming is turned off (as AIPerf)");
        }
        List<String> formats = s.getTelemetry() == null ? null : s.getTelemetry().getServerMetricsFormats();
        if (formats != null && formats.stream().anyMatch("parquet"::equalsIgnoreCase)) {
            out.add(where(c, "telemetry.serverMetricsFormats", source) + ": telemetry.serverMetricsFormats: parquet is not written by Redline (json, csv and jsonl are)");
        }
        List<PhaseSpec> phases = s.getPhases() == null ? List.of() : s.getPhases();
        for (int i = 0; i < phases.size(); i++) {
            PhaseSpec p = phases.get(i);
            if (p.getPrefillRamp() != null && p.getPrefillConcurrency() == null) {
                String at = "phases[" + i + "].prefillRamp";
                out.add(where(c, at, source) + ": " + at + ": no prefillConcurrency to ramp, so it has no effect (as in AIPerf)");
            }
        }
        return out;
    }

    private static String where(LoadedConfig c, String path, String source) {
        String w = c.locate(path);
        return w == null ? source : w;
    }
}
