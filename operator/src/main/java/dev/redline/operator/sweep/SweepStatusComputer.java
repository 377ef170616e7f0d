package dev.redline.operator.sweep;

import dev.redline.api.v1alpha1.ConditionReason;
import dev.redline.api.v1alpha1.ConditionType;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.api.v1alpha1.SweepPhase;
import dev.redline.api.v1alpha1.SweepStatus;
import dev.redline.operator.status.Conditions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static dev.redline.operator.status.Conditions.FALSE;
import static dev.redline.operator.status.Conditions.TRUE;

/** A Sweep's conditions and phase from where its cells stand (spec.cancel first). Pure. */
final class SweepStatusComputer {
    private SweepStatusComputer() { }

    /**
     * Where the cells stand, as the drivers see it.
     *
     * @param cancelled spec.cancel applies: nothing more starts
     * @param stopping  cancelled, but a cell (or the warm pool) has not stopped yet
     */
    record Progress(SweepStatus rolledUp, boolean done, boolean anySucceeded, boolean coolingDown, String failure,
                    ConditionReason failureReason, String startTime, String completionTime, boolean cancelled, boolean stopping) { }

    static SweepStatus invalid(Sweep sw, String message, Instant now) {
        SweepStatus s = new SweepStatus();
        s.setObservedGeneration(sw.getMetadata().getGeneration());
        s.setConditions(new Conditions(old(sw).getConditions(), generation(sw), ts(now))
                .set(ConditionType.Accepted, FALSE, ConditionReason.SpecInvalid, message).list());
        s.setPhase(SweepPhase.Invalid);
        return s;
    }

    static SweepStatus compute(Sweep sw, Progress p, Instant now) {
        SweepStatus s = p.rolledUp();
        s.setObservedGeneration(sw.getMetadata().getGeneration());
        s.setResultsConfigMap(SweepNames.own(sw).resultsConfigMap());
        s.setStartTime(old(sw).getStartTime() != null ? old(sw).getStartTime() : p.startTime());
        Conditions c = new Conditions(old(sw).getConditions(), generation(sw), ts(now))
                .set(ConditionType.Accepted, TRUE, ConditionReason.SpecValid, "planned " + s.getTotalCells() + " cell(s)");
        String progress = s.getCompletedCells() + " of " + s.getTotalCells() + " cells done, " + s.getRunningCells() + " running, "
                + s.getFailedCells() + " failed";
        if (p.cancelled()) {
            // first: a cancelled cell ends its child Failed, a suspended pool may end its Job Failed; neither is the Sweep's failure
            String kept = s.getCompletedCells() + " of " + s.getTotalCells() + " cells done, kept in " + s.getResultsConfigMap();
            if (p.stopping()) {
                String msg = "spec.cancel is set; stopping " + (s.getRunningCells() == null || s.getRunningCells() == 0 ? "the warm pool"
                        : s.getRunningCells() + " running cell(s)") + "; " + kept;
                c.set(ConditionType.Progressing, TRUE, ConditionReason.Cancelled, msg);
                c.set(ConditionType.Complete, FALSE, ConditionReason.Cancelled, msg);
                c.set(ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure");
                s.setPhase(SweepPhase.Running);
            } else {
                String msg = "cancelled by spec.cancel; " + kept;
                c.set(ConditionType.Progressing, FALSE, ConditionReason.Cancelled, msg);
                c.set(ConditionType.Complete, FALSE, ConditionReason.Cancelled, msg);
                c.set(ConditionType.Failed, TRUE, ConditionReason.Cancelled, msg);
                s.setPhase(SweepPhase.Cancelled);
            }
        } else if (p.failure() != null) {
            c.set(ConditionType.Progressing, FALSE, p.failureReason(), p.failure());
            c.set(ConditionType.Complete, FALSE, p.failureReason(), p.failure());
            c.set(ConditionType.Failed, TRUE, p.failureReason(), p.failure());
            s.setPhase(SweepPhase.Failed);
        } else if (p.done() && !p.anySucceeded()) {
            c.set(ConditionType.Progressing, FALSE, ConditionReason.CellsDone, progress);
            c.set(ConditionType.Complete, FALSE, ConditionReason.AllCellsFailed, progress);
            c.set(ConditionType.Failed, TRUE, ConditionReason.AllCellsFailed, "no cell produced results: " + firstError(s));
            s.setPhase(SweepPhase.Failed);
        } else if (p.done()) {
            c.set(ConditionType.Progressing, FALSE, ConditionReason.CellsDone, progress);
            c.set(ConditionType.Complete, TRUE, ConditionReason.CellsDone, progress);
            c.set(ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure");
            s.setPhase(SweepPhase.Complete);
        } else {
            c.set(ConditionType.Progressing, p.coolingDown() ? FALSE : TRUE,
                    p.coolingDown() ? ConditionReason.CoolingDown : ConditionReason.CellsRunning, progress);
            c.set(ConditionType.Complete, FALSE, ConditionReason.InProgress, progress);
            c.set(ConditionType.Failed, FALSE, ConditionReason.NoFailure, "no failure");
            s.setPhase(s.getCompletedCells() == 0 && s.getRunningCells() == 0 && !p.coolingDown() && p.startTime() == null
                    ? SweepPhase.Pending : SweepPhase.Running);
        }
        if (s.getPhase().isFinished()) {
            String was = old(sw).getCompletionTime();
            s.setCompletionTime(was != null ? was : p.completionTime() != null ? p.completionTime() : ts(now));
        }
        s.setConditions(c.list());
        return s;
    }

    private static String firstError(SweepStatus s) {
        if (s.getCells() == null) return "";
        return s.getCells().stream().map(dev.redline.api.v1alpha1.SweepCellStatus::getError).filter(e -> e != null).findFirst().orElse("");
    }

    private static SweepStatus old(Sweep sw) {
        return sw.getStatus() == null ? new SweepStatus() : sw.getStatus();
    }

    private static long generation(Sweep sw) {
        return sw.getMetadata().getGeneration() == null ? 0 : sw.getMetadata().getGeneration();
    }

    private static String ts(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
