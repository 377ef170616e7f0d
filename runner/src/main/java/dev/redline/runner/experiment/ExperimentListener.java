package dev.redline.runner.experiment;

import dev.redline.plan.Observation;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;

import java.util.List;

/** Follows an experiment as it runs: the live sweep table, the progress line, a results ConfigMap. */
public interface ExperimentListener {
    /** Before a run starts: {@code number} is 1-based of {@code total} planned runs (total 0: unknown). */
    default void runStarting(Variation variation, int trial, int number, int total) { }

    /** After a run: its outcome and every variation observed so far (this one's trials included). */
    default void runFinished(Variation variation, int trial, TrialOutcome outcome, List<Observation> observed, int number, int total) { }

    /** Once, after the aggregates are written (also after Ctrl-C, then {@code result.partial()}). */
    default void finished(ExperimentResult result) { }

    /** Tells several listeners. */
    static ExperimentListener all(List<ExperimentListener> listeners) {
        return new ExperimentListener() {
            @Override
            public void runStarting(Variation v, int trial, int number, int total) {
                listeners.forEach(l -> l.runStarting(v, trial, number, total));
            }

            @Override
            public void runFinished(Variation v, int trial, TrialOutcome o, List<Observation> observed, int number, int total) {
                listeners.forEach(l -> l.runFinished(v, trial, o, observed, number, total));
            }

            @Override
            public void finished(ExperimentResult result) {
                listeners.forEach(l -> l.finished(result));
            }
        };
    }
}
