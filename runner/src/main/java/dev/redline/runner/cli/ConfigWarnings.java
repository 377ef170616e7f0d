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
        for (String section : c.document().experiment().keySet()) {
            out.add(source + ": " + section + ": read but not run by this build's profile (sweeps and multi-run need the experiment layer)");
        }
        if (s.getEndpoint() != null && Boolean.TRUE.equals(s.getEndpoint().getStreaming()) && !s.getEndpoint().isStreaming()) {
            out.add(where(c, "endpoint.streaming", source) + ": endpoint type " + s.getEndpoint().resolvedType().wireName()
                    + " does not stream; streaming is turned off (as AIPerf)");
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
