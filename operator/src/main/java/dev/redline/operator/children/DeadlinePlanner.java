package dev.redline.operator.children;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.operator.OperatorSettings;

import java.util.List;

/**
 * The Job's {@code activeDeadlineSeconds}: the planned length of all phases (duration + grace, or
 * requests / rate + grace) plus 10 % and a fixed margin. A phase bounded only by a request count at
 * unknown pace gets the configured allowance.
 */
public final class DeadlinePlanner {
    private DeadlinePlanner() { }

    public static long deadlineSeconds(BenchmarkSpec spec, OperatorSettings settings) {
        double planned = 0;
        List<PhaseSpec> phases = spec.getPhases();
        if (phases == null || phases.isEmpty()) {
            planned = settings.unboundedPhaseSeconds();
        } else {
            for (PhaseSpec phase : phases) {
                planned += phaseSeconds(phase, settings);
            }
        }
        // round to ms first: 90 * 1.1 is 99.00000000000001 in binary floating point
        return (long) Math.ceil(Math.round(planned * 1100) / 1000.0) + settings.deadlineMarginSeconds();
    }

    static double phaseSeconds(PhaseSpec phase, OperatorSettings settings) {
        double grace = phase.resolvedGracePeriod();
        if (Double.isInfinite(grace)) grace = settings.unboundedPhaseSeconds();
        if (phase.getDuration() != null) return phase.getDuration() + grace;
        if (phase.getRequests() != null && phase.getRate() != null && phase.getRate() > 0) {
            return phase.getRequests() / phase.getRate() + grace;
        }
        return settings.unboundedPhaseSeconds();
    }
}
