package dev.redline.plan;

import dev.redline.api.results.ProfileExport;

/**
 * One finished run of a variation: its summary, or why it failed.
 *
 * @param trial  0-based trial of the variation ({@code run_info.trial})
 * @param label  {@code run_0001}-style label (AIPerf's {@code run_label}, 1-based)
 * @param export the run's summary; null when the run produced none
 * @param error  one line when the run failed (its partial summary may still be there); null when it succeeded
 */
public record TrialOutcome(int trial, String label, ProfileExport export, String error) {
    public static TrialOutcome ok(int trial, ProfileExport export) {
        return new TrialOutcome(trial, runLabel(trial), export, null);
    }

    public static TrialOutcome failed(int trial, String error) {
        return new TrialOutcome(trial, runLabel(trial), null, error);
    }

    /** AIPerf's run label of a 0-based trial: {@code run_0001}. */
    public static String runLabel(int trial) {
        return String.format(java.util.Locale.ROOT, "run_%04d", trial + 1);
    }

    public boolean succeeded() { return error == null && export != null; }
}
