package dev.redline.runner.profile;

import dev.redline.api.v1alpha1.PhaseSpec;
import dev.redline.runner.load.PhaseOutcome;

/** What a run does around each phase (telemetry window, time slices, live metrics), whoever drives the phases. */
public interface PhaseHooks {
    PhaseHooks NONE = new PhaseHooks() {
        @Override public void before(PhaseSpec phase) { }
        @Override public void after(PhaseSpec phase, PhaseOutcome outcome) { }
    };

    /** Just before this runner starts {@code phase}; InterruptedException when the run is being stopped. */
    void before(PhaseSpec phase) throws InterruptedException;

    /** After {@code phase} ended; {@code outcome} is this runner's own share. */
    void after(PhaseSpec phase, PhaseOutcome outcome);
}
