package dev.redline.runner.experiment;

import dev.redline.plan.Observation;
import dev.redline.plan.aggregate.SweepAggregate;

import java.util.List;

/**
 * How an experiment ended.
 *
 * @param exitCode     0 all runs succeeded; 1 some failed (recorded, the rest ran); 2 every run failed on bad input; 130 Ctrl-C
 * @param observations every variation that ran, with its trials
 * @param sweep        the sweep aggregate (null when the experiment is not a sweep)
 * @param partial      stopped before the plan was done (Ctrl-C)
 * @param stopReason   why it ended: the planner's reason, or {@code interrupted}
 * @param cutShort     index of the variation whose run Ctrl-C stopped mid-way (its partial results are written), or null
 */
public record ExperimentResult(int exitCode, List<Observation> observations, SweepAggregate sweep, boolean partial,
                               String stopReason, Integer cutShort) {
    public ExperimentResult {
        observations = List.copyOf(observations);
    }

    /** The variations whose every run finished: without the one Ctrl-C cut short (a resumed search runs it again). */
    public List<Observation> completeObservations() {
        return cutShort == null ? observations : observations.stream().filter(o -> o.variation().index() != cutShort).toList();
    }

    public long failedRuns() {
        return observations.stream().flatMap(o -> o.trials().stream()).filter(t -> !t.succeeded()).count();
    }

    public long runs() {
        return observations.stream().mapToLong(o -> o.trials().size()).sum();
    }
}
