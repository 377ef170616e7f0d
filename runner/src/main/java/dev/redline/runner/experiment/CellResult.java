package dev.redline.runner.experiment;

import dev.redline.api.results.ProfileExport;
import dev.redline.plan.TrialOutcome;

/**
 * What one run produced.
 *
 * @param exitCode    the engine's exit code (0 ok, 2 bad input, 130 interrupted)
 * @param export      the summary it wrote, or null
 * @param error       one line when the run failed or was interrupted; null when it succeeded
 * @param interrupted Ctrl-C stopped it (its partial results are written)
 */
public record CellResult(int exitCode, ProfileExport export, String error, boolean interrupted) {
    public static CellResult failed(int exitCode, String error) {
        return new CellResult(exitCode, null, error, false);
    }

    public TrialOutcome outcome(int trial) {
        return new TrialOutcome(trial, TrialOutcome.runLabel(trial), export, error);
    }
}
