package dev.redline.runner.experiment;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.IterationOrder;
import dev.redline.plan.Convergence;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.FixedPlanner;
import dev.redline.plan.Observation;
import dev.redline.plan.PlannedRun;
import dev.redline.plan.Planner;
import dev.redline.plan.Step;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import dev.redline.plan.aggregate.SweepAggregate;
import dev.redline.runner.export.RunLabels;
import dev.redline.runner.profile.InterruptOnShutdown;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs an experiment — a multi-run, a sweep, or what a {@link Planner} proposes — through a
 * {@link CellEngine}, one run at a time in this JVM: cooldowns between trials and between variations,
 * early stop per variation on convergence, AIPerf's artifact layout and aggregates. A failed run is
 * recorded with its error and the experiment goes on; Ctrl-C stops it after the current run has written
 * its partial results, and the aggregates of what finished are written, marked partial.
 */
public final class ExperimentRun {
    private final ExperimentPlan plan;
    private final Planner planner;
    private final ExperimentLayout layout;
    private final CellEngine engine;
    private final ExperimentListener listener;
    private final AggregateFiles files;
    private final String cliCommand;
    private final String sweepId = UUID.randomUUID().toString();
    private final Map<Integer, Variation> variations = new LinkedHashMap<>();
    private final Map<Integer, List<TrialOutcome>> trials = new LinkedHashMap<>();
    private final Map<TrialOutcome, java.nio.file.Path> runDirs = new IdentityHashMap<>();
    private int runsDone;
    private Variation previous;
    private boolean interrupted;
    /** The variation whose run Ctrl-C stopped mid-way, or null. */
    private Integer cutShort;

    /** Runs the plan's own variations (its sweep, or its base) in the plan's order. */
    public ExperimentRun(ExperimentPlan plan, ExperimentLayout layout, CellEngine engine, ExperimentListener listener,
                         String version, String cliCommand) {
        this(plan, PlannerPlugins.forPlan(plan.sweep()), layout, engine, listener, version, cliCommand);
    }

    /** Runs what {@code planner} proposes (an adaptive search), trials of each variation back to back. */
    public ExperimentRun(ExperimentPlan plan, Planner planner, ExperimentLayout layout, CellEngine engine, ExperimentListener listener,
                         String version, String cliCommand) {
        this.plan = plan;
        this.planner = planner;
        this.layout = layout;
        this.engine = engine;
        this.listener = listener;
        this.files = new AggregateFiles(version);
        this.cliCommand = cliCommand;
    }

    /**
     * Variations already run by an earlier process (a resumed search): the planner sees them first, and
     * they count in the aggregates. {@code dirs} holds each trial's run directory.
     */
    public ExperimentRun resume(List<Observation> earlier, Map<TrialOutcome, java.nio.file.Path> dirs) {
        for (Observation o : earlier) {
            variations.put(o.variation().index(), o.variation());
            trials.put(o.variation().index(), new ArrayList<>(o.trials()));
        }
        runDirs.putAll(dirs);
        return this;
    }

    public ExperimentResult run() {
        String reason;
        try (InterruptOnShutdown ctrlC = new InterruptOnShutdown(Thread.currentThread())) {
            if (plan.sweep().samplingDesign() != null) files.samplingDesign(layout.samplingDesign(), plan.sweep().samplingDesign());
            if (planner instanceof FixedPlanner fixed && plan.multiRun().getConvergence() == null) reason = overlapped(fixed);
            else reason = plan.order() == IterationOrder.REPEATED && planner instanceof FixedPlanner fixed ? rounds(fixed) : proposals();
        }
        Thread.interrupted(); // a Ctrl-C was handled: writing the aggregates must not be cut short
        if (interrupted) reason = "interrupted";
        return finish(reason);
    }

    /**
     * A fixed plan without convergence: every run is known up front, so each starts as soon as the previous one's
     * load is over (and its cooldown passed), while the previous one writes its results; the engine keeps the
     * profiling windows apart. Runs are recorded, and reported to the listener, in order as their results land.
     */
    private String overlapped(FixedPlanner fixed) {
        List<Variation> vs = fixed.variations();
        int total = vs.size() * plan.trials();
        boolean repeated = plan.order() == IterationOrder.REPEATED;
        Started pending = null;
        for (int k = 0; k < total; k++) {
            Variation v = vs.get(repeated ? k % vs.size() : k / plan.trials());
            int trial = repeated ? k / vs.size() : k % plan.trials();
            Planned next = planned(v, trial); // while the previous load runs: the gap between them is the next run's setup
            try {
                if (pending != null) pending.cell().awaitLoadDone();
                cooldownBefore(v); // from the end of the previous load: its results are written meanwhile
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted || InterruptOnShutdown.inProgress() || Thread.currentThread().isInterrupted()) {
                interrupted = true;
                break;
            }
            // a result already there is reported before the next run starts: with an engine that runs one cell at a
            // time (a warm pool serving live metrics) start() blocks for the whole next cell, and the status would lag a cell
            if (pending != null && pending.cell().resultReady()) {
                record(pending);
                pending = null;
            }
            Started started = start(next, total);
            if (pending != null) record(pending);
            pending = started;
            if (interrupted) break;
        }
        if (pending != null) record(pending);
        return interrupted ? "interrupted" : FixedPlanner.DONE_REASON;
    }

    /** A run started by {@link #overlapped}, with what recording it needs. */
    private record Started(Variation v, int trial, int number, int total, java.nio.file.Path dir, PendingCell cell) { }

    /** A run's spec, directory and labels, ready to start. */
    private record Planned(Variation v, int trial, BenchmarkSpec spec, java.nio.file.Path dir, RunLabels labels) { }

    private Planned planned(Variation v, int trial) {
        PlannedRun run = plan.run(v, trial);
        RunLabels labels = new RunLabels(sweepId, trial, run.runLabel(), v.label(), v.index(), v.values(), cliCommand);
        return new Planned(v, trial, run.spec(), layout.cellDir(v, trial), labels);
    }

    private Started start(Variation v, int trial, int total) {
        return start(planned(v, trial), total);
    }

    private Started start(Planned p, int total) {
        int number = runsDone + 1;
        runsDone++;
        previous = p.v();
        listener.runStarting(p.v(), p.trial(), number, total);
        return new Started(p.v(), p.trial(), number, total, p.dir(), engine.start(p.spec(), p.labels(), p.dir()));
    }

    private void record(Started s) {
        CellResult result = s.cell().result();
        TrialOutcome outcome = result.outcome(s.trial());
        variations.putIfAbsent(s.v().index(), s.v());
        trials.computeIfAbsent(s.v().index(), i -> new ArrayList<>()).add(outcome);
        runDirs.put(outcome, s.dir());
        if (result.interrupted()) cutShort = s.v().index();
        if (result.interrupted() || InterruptOnShutdown.inProgress()) interrupted = true;
        listener.runFinished(s.v(), s.trial(), outcome, observations(), s.number(), s.total());
    }

    /** Trials outer, variations inner (AIPerf's repeated order); converged variations sit out later rounds. */
    private String rounds(FixedPlanner fixed) {
        int total = fixed.variations().size() * plan.trials();
        for (int t = 0; t < plan.trials(); t++) {
            for (Variation v : fixed.variations()) {
                if (t > 0 && converged(v)) continue;
                if (!runOne(v, t, total)) return "interrupted";
            }
        }
        return FixedPlanner.DONE_REASON;
    }

    /** Asks the planner for each next variation and runs its trials (stopping early on convergence). */
    private String proposals() {
        while (true) {
            Step step = planner.next(observations());
            if (step instanceof Step.Done done) return done.reason();
            if (!(step instanceof Step.Run run)) {
                throw new IllegalStateException("the planner waits for a run, but this experiment runs one at a time");
            }
            int total = planner.budget().isPresent() ? planner.budget().getAsInt() * plan.trials() : 0;
            for (int t = 0; t < plan.trials(); t++) {
                if (!runOne(run.variation(), t, total)) return "interrupted";
                if (converged(run.variation())) break;
            }
        }
    }

    /** One run; false when Ctrl-C stopped the experiment. */
    private boolean runOne(Variation v, int trial, int total) {
        try {
            cooldownBefore(v);
        } catch (InterruptedException e) {
            interrupted = true;
            return false;
        }
        if (InterruptOnShutdown.inProgress() || Thread.currentThread().isInterrupted()) {
            interrupted = true;
            return false;
        }
        record(start(v, trial, total));
        return !interrupted;
    }

    private void cooldownBefore(Variation v) throws InterruptedException {
        if (previous == null) return;
        double seconds = previous.index() == v.index() ? plan.multiRun().resolvedCooldownSeconds() : plan.variationCooldownSeconds();
        if (seconds > 0) Thread.sleep((long) (seconds * 1000));
    }

    private boolean converged(Variation v) {
        if (plan.multiRun().getConvergence() == null) return false;
        Convergence c = new Convergence(plan.multiRun().getConvergence(), plan.multiRun().resolvedConfidenceLevel(),
                (run, metric) -> RequestSamples.of(runDirs.get(run).resolve(RequestSamples.FILE), metric));
        return c.converged(trials.getOrDefault(v.index(), List.of()));
    }

    private List<Observation> observations() {
        List<Observation> out = new ArrayList<>();
        variations.forEach((i, v) -> out.add(new Observation(v, trials.get(i))));
        return out;
    }

    private ExperimentResult finish(String reason) {
        List<Observation> observed = observations();
        for (Observation o : observed) {
            files.variation(layout.aggregateDir(o.variation()), o, runDirs, plan.multiRun().resolvedConfidenceLevel(),
                    plan.multiRun().resolvedCooldownSeconds());
        }
        SweepAggregate sweep = null;
        if (plan.isSweep() || !(planner instanceof FixedPlanner)) { // a sweep, or what a search proposed
            int planned = planner.budget().orElse(observed.size());
            sweep = SweepAggregate.of(observed, planned, plan.sweepMode(), plan.multiRun().resolvedConfidenceLevel(),
                    plan.trials(), interrupted);
            files.sweep(layout.sweepAggregateDir(), sweep);
        }
        ExperimentResult result = new ExperimentResult(exitCode(observed), observed, sweep, interrupted, reason, cutShort);
        listener.finished(result);
        return result;
    }

    private int exitCode(List<Observation> observed) {
        if (interrupted) return dev.redline.runner.profile.ProfileRun.INTERRUPTED_EXIT;
        List<TrialOutcome> all = observed.stream().flatMap(o -> o.trials().stream()).toList();
        if (all.stream().allMatch(TrialOutcome::succeeded)) return 0;
        return all.stream().noneMatch(TrialOutcome::succeeded) && badInputOnly(all) ? 2 : 1;
    }

    private boolean badInputOnly(List<TrialOutcome> all) {
        return !all.isEmpty() && all.stream().allMatch(t -> t.export() == null);
    }
}
