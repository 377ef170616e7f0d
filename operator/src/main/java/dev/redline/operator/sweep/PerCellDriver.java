package dev.redline.operator.sweep;

import dev.redline.api.v1alpha1.Benchmark;
import dev.redline.api.v1alpha1.BenchmarkStatus;
import dev.redline.api.v1alpha1.Sweep;
import dev.redline.operator.children.ExperimentChildren;
import dev.redline.plan.Convergence;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.PlannedRun;
import dev.redline.plan.SweepRollup;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import io.fabric8.kubernetes.api.model.ConfigMap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides the next step of a perCell Sweep from its children alone (they are the state, so an operator
 * restart resumes and never re-runs a finished cell): what each existing child says, which runs to
 * start now (in the plan's order, at most maxParallel at once, after the cooldown; none once cancelled),
 * and the rollup.
 */
final class PerCellDriver {
    /**
     * @param rollup      the status fields and aggregate so far
     * @param toCreate    child Benchmarks to create now
     * @param recheck     when to look again (a cooldown ends), or null
     * @param coolingDown waiting out a cooldown
     * @param specChanged why an existing child no longer matches the plan, or null
     * @param startTime   when the first child was created
     */
    record Decision(SweepRollup.Result rollup, List<Benchmark> toCreate, Duration recheck, boolean coolingDown, String specChanged,
                    String startTime, String completionTime) { }

    private PerCellDriver() { }

    static Decision decide(Sweep sw, ExperimentPlan plan, List<Benchmark> children, Function<String, ConfigMap> results, Instant now,
                           boolean cancelled) {
        Map<String, Benchmark> byName = new HashMap<>();
        for (Benchmark b : children) byName.put(b.getMetadata().getName(), b);
        int trials = plan.trials();
        Map<Integer, List<TrialOutcome>> finished = new HashMap<>();
        Map<Integer, Integer> running = new HashMap<>();
        Map<Integer, List<String>> names = new HashMap<>();
        String changed = null;
        Instant lastDone = null;
        Variation lastDoneVariation = null;
        String start = null;
        for (PlannedRun run : plan.runs()) {
            String name = SweepNames.child(sw, run, trials);
            Benchmark b = byName.get(name);
            if (b == null) continue;
            int cell = run.variation().index();
            String label = b.getMetadata().getAnnotations() == null ? null : b.getMetadata().getAnnotations().get(SweepNames.VARIATION_ANNOTATION);
            if (label != null && !label.equals(run.variation().label()) && changed == null) {
                changed = "child " + name + " ran '" + label + "' but the plan now says '" + run.variation().label()
                        + "'; spec.sweep changed after cells ran: create a new Sweep";
            }
            names.computeIfAbsent(cell, c -> new ArrayList<>()).add(name);
            String created = b.getMetadata().getCreationTimestamp();
            if (created != null && (start == null || created.compareTo(start) < 0)) start = created;
            BenchmarkStatus s = b.getStatus();
            if (ExperimentChildren.finished(b)) {
                finished.computeIfAbsent(cell, c -> new ArrayList<>()).add(ExperimentChildren.outcome(run.trial(), b, results));
                Instant at = s.getCompletionTime() == null ? null : Instant.parse(s.getCompletionTime());
                if (at != null && (lastDone == null || at.isAfter(lastDone))) {
                    lastDone = at;
                    lastDoneVariation = run.variation();
                }
            } else {
                running.merge(cell, 1, Integer::sum);
            }
        }
        Convergence convergence = plan.multiRun().getConvergence() == null ? null
                : new Convergence(plan.multiRun().getConvergence(), plan.multiRun().resolvedConfidenceLevel(), (r, m) -> new double[0]);
        Map<Integer, Boolean> converged = new HashMap<>();
        for (Variation v : plan.variations()) {
            List<TrialOutcome> f = finished.getOrDefault(v.index(), List.of());
            converged.put(v.index(), convergence != null && convergence.converged(f));
        }
        List<PlannedRun> pending = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            int cell = run.variation().index();
            if (byName.containsKey(SweepNames.child(sw, run, trials)) || converged.get(cell)) continue;
            pending.add(run);
        }
        int inFlight = running.values().stream().mapToInt(Integer::intValue).sum();
        List<Benchmark> create = new ArrayList<>();
        Duration recheck = null;
        boolean cooling = false;
        if (changed == null && !cancelled && !pending.isEmpty()) {
            int slots = sw.getSpec().resolvedMaxParallel() - inFlight;
            double cooldown = lastDoneVariation != null && lastDoneVariation.index() == pending.get(0).variation().index()
                    ? plan.multiRun().resolvedCooldownSeconds() : plan.variationCooldownSeconds();
            Instant readyAt = lastDone == null ? now : lastDone.plusMillis((long) (cooldown * 1000));
            if (slots > 0 && now.isBefore(readyAt)) {
                cooling = inFlight == 0;
                recheck = Duration.between(now, readyAt);
            } else {
                // with a cooldown, one run at a time: the pause is between runs, not between batches
                int n = cooldown > 0 ? Math.min(slots, 1) : slots;
                for (int i = 0; i < n && i < pending.size(); i++) {
                    PlannedRun run = pending.get(i);
                    create.add(CellChildFactory.child(sw, run, trials));
                    running.merge(run.variation().index(), 1, Integer::sum);
                    names.computeIfAbsent(run.variation().index(), c -> new ArrayList<>()).add(SweepNames.child(sw, run, trials));
                }
            }
        }
        Map<Integer, SweepRollup.CellProgress> cells = new HashMap<>();
        for (Variation v : plan.variations()) {
            List<TrialOutcome> f = finished.getOrDefault(v.index(), List.of());
            int r = running.getOrDefault(v.index(), 0);
            boolean done = r == 0 && (f.size() >= trials || converged.get(v.index()));
            cells.put(v.index(), new SweepRollup.CellProgress(f, r, done, names.getOrDefault(v.index(), List.of())));
        }
        SweepRollup.Result rollup = SweepRollup.of(plan, cells);
        String completion = rollup.done() && lastDone != null ? lastDone.toString() : null;
        return new Decision(rollup, create, recheck, cooling, changed, start, completion);
    }

}
