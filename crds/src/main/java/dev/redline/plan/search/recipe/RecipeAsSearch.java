package dev.redline.plan.search.recipe;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.api.v1alpha1.SearchDimensionSpec;
import dev.redline.api.v1alpha1.SearchObjectiveSpec;
import dev.redline.api.v1alpha1.SlaFilterSpec;
import dev.redline.plan.Observation;
import dev.redline.plan.search.GridPlanner;
import dev.redline.plan.search.SearchFieldNames;
import dev.redline.plan.search.SearchSpace;
import dev.redline.plan.search.SearchSpecs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grid or scenario recipe run as a search (the Search resource runs iterations, one at a time, not
 * sweeps): the knobs that vary between the recipe's cells, the values every cell shares (set on the base
 * benchmark), and a {@link GridPlanner} that probes the cells in the recipe's order. The objective
 * (output throughput) is what {@code status.best} shows; the SLAs of an {@code sla_breach} recipe make
 * iterations feasible or not. The derived file comes from the same post-process as the CLI's sweep.
 *
 * @param shared the dot-path values every cell has (e.g. concurrency 1 of prefill-ttft-curve)
 * @param cells  every cell's values of the varying knobs, by dot-path, in the recipe's order
 */
public record RecipeAsSearch(RecipePlan plan, AdaptiveSearchSpec spec, Map<String, Number> shared, List<Map<String, Number>> cells) {
    /** Most iterations a search runs (AIPerf's bound on max_iterations). */
    static final int MAX_CELLS = 200;

    public static RecipeAsSearch of(RecipePlan plan, SearchFieldNames names) {
        if (plan.isSearch()) throw new IllegalArgumentException(plan.recipe() + " is a search already");
        List<Map<String, Number>> all = allCells(plan);
        if (all.size() > MAX_CELLS) {
            throw new SpecException(names.name("name") + ": recipe " + plan.recipe() + " plans " + all.size()
                    + " runs; a search runs at most " + MAX_CELLS + " iterations: use fewer steps or shapes");
        }
        Map<String, Number> shared = new LinkedHashMap<>();
        Set<String> varying = new LinkedHashSet<>();
        for (String path : all.get(0).keySet()) {
            Set<Double> seen = new LinkedHashSet<>();
            for (Map<String, Number> c : all) seen.add(c.get(path).doubleValue());
            if (seen.size() > 1) varying.add(path);
            else shared.put(path, all.get(0).get(path));
        }
        List<Map<String, Number>> cells = new ArrayList<>();
        for (Map<String, Number> c : all) {
            Map<String, Number> v = new LinkedHashMap<>();
            for (String path : varying) v.put(path, c.get(path));
            cells.add(v);
        }
        return new RecipeAsSearch(plan, spec(plan, varying, cells), Map.copyOf(shared), List.copyOf(cells));
    }

    /** The recipe's cells: every combination of a grid (first knob outermost), or the scenarios. */
    private static List<Map<String, Number>> allCells(RecipePlan plan) {
        if (plan.scenarios() != null) return plan.scenarios().stream().map(RecipePlan.Scenario::values).toList();
        List<Map<String, Number>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        plan.grid().forEach((path, values) -> {
            List<Map<String, Number>> next = new ArrayList<>();
            for (Map<String, Number> c : out) {
                for (Number v : values) {
                    Map<String, Number> m = new LinkedHashMap<>(c);
                    m.put(path, v);
                    next.add(m);
                }
            }
            out.clear();
            out.addAll(next);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static AdaptiveSearchSpec spec(RecipePlan plan, Set<String> varying, List<Map<String, Number>> cells) {
        AdaptiveSearchSpec s = new AdaptiveSearchSpec();
        s.setRecipe(plan.recipe());
        s.setPlanner(AdaptiveSearchSpec.Planner.GRID);
        List<SearchDimensionSpec> dims = new ArrayList<>();
        for (String path : varying) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            boolean integer = true;
            for (Map<String, Number> c : cells) {
                double v = c.get(path).doubleValue();
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                integer &= v == Math.rint(v);
            }
            dims.add(new SearchDimensionSpec(path, lo, hi, integer ? SearchDimensionSpec.Kind.INT : SearchDimensionSpec.Kind.REAL,
                    SearchDimensionSpec.Prior.UNIFORM));
        }
        s.setSearchSpace(dims);
        s.setObjectives(List.of(new SearchObjectiveSpec("output_token_throughput", "avg", SearchObjectiveSpec.Direction.MAXIMIZE)));
        Object filters = plan.postProcess().params().get("sla_filters");
        s.setSlaFilters(filters == null ? List.of() : (List<SlaFilterSpec>) filters);
        s.setMaxIterations(Math.max(2, cells.size()));
        s.setNInitialPoints(1);
        return s;
    }

    /** The search, its planner the recipe's cells in order. */
    public SearchSpecs.Resolved resolve(boolean streaming, SearchFieldNames names) {
        SearchSpecs.Resolved r = SearchSpecs.resolve(spec, streaming, names);
        SearchSpace space = r.problem().space();
        List<double[]> points = cells.stream().map(space::valuesOf).toList();
        return new SearchSpecs.Resolved(r.problem(), new GridPlanner(r.problem(), points), r.pooling(), r.recipe(),
                r.cooldownSeconds(), r.notices());
    }

    /** The recipe's derived file over the finished iterations (each one's mean over its successful trials). */
    public String artifactJson(List<Observation> finished) {
        List<RecipeCell> out = finished.stream().map(o -> RecipeCell.of(o, shared)).toList();
        return RecipeArtifacts.compute(plan.postProcess(), out).toPrettyString();
    }

    /** The derived file's name, e.g. {@code degradation_knee.json}. */
    public String artifactName() { return plan.postProcess().outputFile(); }
}
