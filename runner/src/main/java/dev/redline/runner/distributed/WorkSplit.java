package dev.redline.runner.distributed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.config.SpecReader;
import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.load.PhasePlan;

/**
 * Splits one phase across N runners; the coordinator computes every share, so it owns the schedule.
 * Integer budgets are divided with the remainder going to the lowest indexes ({@code part(10, 3)} =
 * 4, 3, 3), so the shares always add up to the total exactly:
 * <ul>
 *   <li>concurrency C: runner i gets {@code part(C, N, i)}; with C &lt; N only the first C runners take part;</li>
 *   <li>requests and sessions (the plan's resolved budget, AIPerf's default included) are divided among the
 *       runners that take part; a runner whose share is 0 sits the phase out;</li>
 *   <li>rate: each taking part sends at rate / active (Poisson streams add up to the same Poisson process);
 *       prefill concurrency and users are divided like concurrency (at least 1 each);</li>
 *   <li>duration, grace period and ramps are not divided: every runner runs the same window;</li>
 *   <li>a fixed-schedule (trace replay) phase runs on the coordinator alone, so trace timing stays exact.</li>
 * </ul>
 */
public final class WorkSplit {
    private WorkSplit() { }

    /** {@code total} split over {@code n} parts, remainder to the lowest indexes. */
    static long part(long total, int n, int index) {
        return total / n + (index < total % n ? 1 : 0);
    }

    /** How many runners take part in the phase. */
    static int active(PhaseSpec phase, int runners) {
        return phase.getConcurrency() == null ? runners : Math.min(runners, phase.getConcurrency());
    }

    /**
     * Runner {@code index}'s share of {@code phase}, or null when it sits the phase out.
     *
     * @param plan          the phase resolved on the coordinator (defaults applied)
     * @param fixedSchedule the phase replays trace timestamps
     */
    public static PhaseSpec share(PhaseSpec phase, PhasePlan plan, boolean fixedSchedule, int runners, int index) {
        if (runners == 1) return phase;
        if (fixedSchedule) return index == 0 ? phase : null;
        int active = active(phase, runners);
        if (index >= active) return null;
        PhaseSpec s = copy(phase);
        if (phase.getConcurrency() != null) s.setConcurrency((int) part(phase.getConcurrency(), runners, index));
        if (phase.getPrefillConcurrency() != null) {
            s.setPrefillConcurrency((int) Math.max(1, part(phase.getPrefillConcurrency(), active, index)));
        }
        if (phase.getUsers() != null) s.setUsers((int) Math.max(1, part(phase.getUsers(), active, index)));
        if (phase.getRate() != null) s.setRate(phase.getRate() / active);
        if (phase.getRateSeries() != null) {
            s.setRateSeries(phase.getRateSeries().stream()
                    .map(p -> new dev.redline.api.v1alpha1.RateSeriesPoint(p.getTimeS(), p.getQps() / active)).toList());
        }
        if (plan.maxRequests() != PhasePlan.UNLIMITED) {
            long r = part(plan.maxRequests(), active, index);
            if (r == 0) return null;
            s.setRequests((int) r);
        }
        if (plan.maxSessions() != PhasePlan.UNLIMITED) {
            long n = part(plan.maxSessions(), active, index);
            if (n == 0) return null;
            s.setSessions((int) n);
        }
        return s;
    }

    static PhaseSpec copy(PhaseSpec phase) {
        ObjectNode tree = SpecReader.mapper().valueToTree(phase);
        return SpecReader.bind(tree, "phase share", PhaseSpec.class);
    }
}
