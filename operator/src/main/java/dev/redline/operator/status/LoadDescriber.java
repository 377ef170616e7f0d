package dev.redline.operator.status;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseKind;
import dev.redline.api.v1alpha1.PhaseSpec;

import java.util.List;

/** The "Load" printer column: the measured phase's pacing in a few words. */
public final class LoadDescriber {
    private LoadDescriber() { }

    public static String describe(BenchmarkSpec spec) {
        List<PhaseSpec> phases = spec.getPhases();
        if (phases == null || phases.isEmpty()) return null;
        PhaseSpec measured = phases.stream().filter(p -> p.resolvedKind() == PhaseKind.PROFILING)
                .reduce((a, b) -> b).orElse(phases.get(phases.size() - 1));
        StringBuilder sb = new StringBuilder();
        if (measured.getRate() != null) {
            sb.append(measured.resolvedType().wireName()).append(' ').append(num(measured.getRate())).append("/s");
            if (measured.getConcurrency() != null) sb.append(" max ").append(measured.getConcurrency());
        } else if (measured.getConcurrency() != null) {
            sb.append("concurrency ").append(measured.getConcurrency());
        } else {
            sb.append(measured.resolvedType().wireName());
        }
        return sb.toString();
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
