package dev.redline.plan.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.api.results.ProfileExport;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.plan.DotPath;
import dev.redline.plan.Observation;
import dev.redline.plan.Planner;
import dev.redline.plan.SpecTree;
import dev.redline.plan.Step;
import dev.redline.plan.SweepPlanner;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * An adaptive search as the experiment layer's {@link Planner}: it turns the finished variations into
 * {@link Evaluation}s, asks its {@link SearchStrategy}, and makes the proposed knob values a complete
 * variation of the base benchmark ({@code search_iter_NNNN}). One iteration runs at a time (each probe
 * depends on the last). Every iteration runs the base benchmark's seed, so probes differ only in their
 * knobs. Stateless: the CLI and the operator rebuild it from the same spec and replay their history.
 */
public final class AdaptiveSearch implements Planner {
    private final BenchmarkSpec base;
    private final SearchSpecs.Resolved resolved;
    private final String where;
    private final Function<Observation, Map<String, Double>> pooled;

    /**
     * @param where  prefix of errors about a variation (e.g. {@code sweep} or {@code spec})
     * @param pooled pooled percentiles of an iteration by {@link Evaluations#key} (empty map: none)
     */
    public AdaptiveSearch(BenchmarkSpec base, SearchSpecs.Resolved resolved, String where,
                          Function<Observation, Map<String, Double>> pooled) {
        this.base = SpecTree.copy(base);
        this.resolved = resolved;
        this.where = where;
        this.pooled = pooled;
        // Both ends of every knob must make a valid benchmark, so a bad space fails before anything runs.
        SearchSpace space = resolved.problem().space();
        double[] lo = new double[space.size()], hi = new double[space.size()];
        for (int i = 0; i < lo.length; i++) {
            lo[i] = space.get(i).min();
            hi[i] = space.get(i).max();
        }
        variation(0, lo);
        variation(0, hi);
    }

    public SearchStrategy strategy() { return resolved.planner(); }

    public SearchSpecs.Resolved resolved() { return resolved; }

    @Override
    public Step next(List<Observation> finished, List<Variation> running) {
        if (!running.isEmpty()) return Step.await();
        SearchStep step = resolved.planner().next(evaluations(finished));
        if (step instanceof SearchStep.Done d) return Step.done(d.reason());
        int index = 0;
        for (Observation o : finished) index = Math.max(index, o.variation().index() + 1);
        return Step.run(variation(index, ((SearchStep.Probe) step).values()));
    }

    @Override
    public OptionalInt budget() { return OptionalInt.of(resolved.problem().stopping().maxIterations()); }

    /** The label of iteration {@code index}, AIPerf's directory name. */
    public static String label(int index) { return String.format(java.util.Locale.ROOT, "search_iter_%04d", index); }

    /** The variation of iteration {@code index} with these knob values (by dot-path), as it was proposed. */
    public Variation variationOf(int index, Map<String, ?> values) {
        Map<String, Number> numbers = new LinkedHashMap<>();
        values.forEach((k, v) -> numbers.put(k, (Number) v));
        return variation(index, resolved.problem().space().valuesOf(numbers));
    }

    /** The base benchmark with the knob values set. */
    Variation variation(int index, double[] values) {
        SearchSpace space = resolved.problem().space();
        Map<String, Object> byPath = new LinkedHashMap<>(space.valuesByPath(values));
        ObjectNode tree = SpecTree.of(base);
        String what = where + ": search iteration " + index;
        byPath.forEach((path, v) -> DotPath.parse(path, what).set(tree, SpecTree.value(v), what));
        BenchmarkSpec spec = SpecTree.bind(tree, what + " (" + SweepPlanner.kvLabel(byPath) + ")");
        return new Variation(index, label(index), byPath, spec);
    }

    /** The finished iterations as the search math reads them, in finishing order. */
    public List<Evaluation> evaluations(List<Observation> finished) {
        List<Evaluation> out = new ArrayList<>();
        SearchProblem p = resolved.problem();
        for (Observation o : finished) {
            Map<String, Number> values = new LinkedHashMap<>();
            o.variation().values().forEach((k, v) -> {
                if (v instanceof Number n) values.put(k, n);
            });
            List<ProfileExport> exports = o.successful().stream().map(TrialOutcome::export).toList();
            String error = o.trials().stream().map(TrialOutcome::error).filter(e -> e != null).findFirst().orElse(null);
            out.add(Evaluations.of(p, o.variation().index(), p.space().valuesOf(values), exports,
                    exports.isEmpty() ? Map.of() : pooled.apply(o), error));
        }
        return out;
    }

    /** {@code search_history.json} of the finished iterations; {@code reason} null while the search runs. */
    public String historyJson(List<Observation> finished, String reason) {
        return SearchHistoryJson.write(resolved.planner(), evaluations(finished), resolved.recipe(), reason);
    }
}
