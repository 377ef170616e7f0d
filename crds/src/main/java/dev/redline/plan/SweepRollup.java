package dev.redline.plan;

import dev.redline.api.v1alpha1.SweepBest;
import dev.redline.api.v1alpha1.SweepCellStatus;
import dev.redline.api.v1alpha1.SweepStatus;
import dev.redline.plan.aggregate.Combination;
import dev.redline.plan.aggregate.SweepAggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's progress rolled up for a Sweep resource's status: per cell its phase and headline figures,
 * the counts, the best cells and the Pareto front, and the sweep aggregate. Pure, and the same whether
 * the operator rolls up child Benchmarks (perCell) or the warm-pool runner reports its own cells.
 */
public final class SweepRollup {
    /**
     * What is known of one cell.
     *
     * @param finished   its finished runs
     * @param running    runs in progress
     * @param done       no more runs will start (all ran, or converged)
     * @param benchmarks child Benchmarks of the cell (perCell), else empty
     */
    public record CellProgress(List<TrialOutcome> finished, int running, boolean done, List<String> benchmarks) {
        public CellProgress {
            finished = List.copyOf(finished);
            benchmarks = List.copyOf(benchmarks);
        }

        public static CellProgress none() { return new CellProgress(List.of(), 0, false, List.of()); }
    }

    /** The rollup: the status fields it fills, and the aggregate for the results ConfigMap. */
    public record Result(SweepStatus status, SweepAggregate aggregate, boolean done, boolean anySucceeded) { }

    private SweepRollup() { }

    /** {@code cells}: variation index to its progress (absent: nothing yet). */
    public static Result of(ExperimentPlan plan, Map<Integer, CellProgress> cells) {
        List<Observation> observed = new ArrayList<>();
        List<SweepCellStatus> rows = new ArrayList<>();
        int completed = 0;
        int failed = 0;
        int running = 0;
        boolean anySucceeded = false;
        for (Variation v : plan.variations()) {
            CellProgress p = cells.getOrDefault(v.index(), CellProgress.none());
            Observation o = new Observation(v, p.finished());
            if (!p.finished().isEmpty()) observed.add(o);
            SweepCellStatus row = new SweepCellStatus();
            row.setIndex(v.index());
            row.setLabel(v.label());
            row.setDir(v.dirName());
            row.setValues(new LinkedHashMap<>(v.values()));
            row.setRuns(plan.trials());
            row.setRunsDone(p.finished().size());
            if (!p.benchmarks().isEmpty()) row.setBenchmarks(p.benchmarks());
            row.setRequestThroughput(o.mean("request_throughput", "avg"));
            row.setOutputTokenThroughput(o.mean("output_token_throughput", "avg"));
            row.setTtftP99(o.mean("time_to_first_token", "p99"));
            row.setItlAvg(o.mean("inter_token_latency", "avg"));
            row.setRequestLatencyP99(o.mean("request_latency", "p99"));
            p.finished().stream().filter(t -> !t.succeeded()).map(TrialOutcome::error).findFirst().ifPresent(row::setError);
            boolean ok = o.anySucceeded();
            anySucceeded |= ok;
            if (p.done() && p.running() == 0) {
                completed++;
                if (!ok) failed++;
                row.setPhase(ok ? "Complete" : "Failed");
            } else if (p.running() > 0) {
                running++;
                row.setPhase("Running");
            } else {
                row.setPhase(p.finished().isEmpty() ? "Pending" : "Running");
            }
            rows.add(row);
        }
        boolean done = completed == plan.variations().size();
        SweepAggregate agg = SweepAggregate.of(observed, plan.variations().size(), plan.sweepMode(),
                plan.multiRun().resolvedConfidenceLevel(), plan.trials(), !done);
        List<Integer> front = agg.pareto().stream().map(c -> c.variation().index()).toList();
        for (SweepCellStatus row : rows) if (front.contains(row.getIndex())) row.setPareto(true);
        SweepStatus s = new SweepStatus();
        s.setCells(rows);
        s.setTotalCells(plan.variations().size());
        s.setCompletedCells(completed);
        s.setFailedCells(failed);
        s.setRunningCells(running);
        s.setProgress(completed + "/" + plan.variations().size());
        s.setParetoFront(front);
        SweepBest best = new SweepBest();
        best.setThroughput(entry(agg.bestThroughput()));
        best.setTtftP99(entry(agg.bestLatency()));
        s.setBest(best.getThroughput() == null && best.getTtftP99() == null ? null : best);
        return new Result(s, agg, done, anySucceeded);
    }

    private static SweepBest.Entry entry(SweepAggregate.Best b) {
        if (b == null) return null;
        Combination c = b.combination();
        return new SweepBest.Entry(c.variation().index(), c.variation().label(), b.metric(), b.unit());
    }
}
