package dev.redline.operator.search;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.api.v1alpha1.BenchmarkResourceSpec;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.MultiRunSpec;
import dev.redline.api.v1alpha1.Search;
import dev.redline.api.v1alpha1.SearchSpec;
import dev.redline.api.validate.SpecValidator;
import dev.redline.api.validate.Violation;
import dev.redline.operator.children.ExperimentChildren;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redline.plan.DotPath;
import dev.redline.plan.ExperimentPlan;
import dev.redline.plan.Observation;
import dev.redline.plan.SpecTree;
import dev.redline.plan.search.AdaptiveSearch;
import dev.redline.plan.search.SearchFieldNames;
import dev.redline.plan.search.SearchSpecs;
import dev.redline.plan.search.recipe.RecipeAsSearch;
import dev.redline.plan.search.recipe.RecipePlan;
import dev.redline.plan.search.recipe.RecipeTuning;
import dev.redline.plan.search.recipe.SearchRecipes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Search resource validated and turned into its planner (the same {@link AdaptiveSearch} the CLI drives)
 * and the plan of each iteration's trials (seeds, warmup only in the first); a grid or scenario recipe
 * ({@code fixedRecipe}, else null) is a grid search over its cells. Every problem is one
 * {@link SpecException} naming the field under {@code spec}.
 */
record SearchSetup(AdaptiveSearch search, ExperimentPlan trials, RecipeAsSearch fixedRecipe) {
    static SearchSetup of(Search s) {
        String name = s.getMetadata().getName();
        if (name != null && name.length() > SearchChildren.MAX_NAME_LENGTH) {
            throw new SpecException("metadata.name: is " + name.length() + " characters; use at most " + SearchChildren.MAX_NAME_LENGTH
                    + " so the iteration Benchmarks' names stay valid");
        }
        SearchSpec spec = s.getSpec();
        if (spec == null || spec.getTemplate() == null) {
            throw new SpecException("spec.template: is missing; give the Benchmark spec each iteration runs");
        }
        BenchmarkResourceSpec template = spec.getTemplate();
        List<Violation> violations = SpecValidator.validate(template);
        if (!violations.isEmpty()) throw new SpecException("spec.template." + violations.get(0));
        boolean streaming = template.getEndpoint() != null && Boolean.TRUE.equals(template.getEndpoint().getStreaming());
        BenchmarkSpec base = ExperimentChildren.plain(template);

        AdaptiveSearchSpec search = spec.getSearch();
        RecipeAsSearch fixed = null;
        if (spec.getRecipe() != null) {
            RecipePlan plan = SearchRecipes.expand(spec.getRecipe(), streaming, SearchFieldNames.under("spec.recipe"));
            search = RecipeTuning.apply(plan, search, SearchFieldNames.under("spec.search"));
            if (!plan.isSearch()) {
                // a grid or scenario recipe: its cells are the iterations, its derived file sits beside the history
                fixed = RecipeAsSearch.of(plan, SearchFieldNames.under("spec.recipe"));
                base = withShared(base, fixed.shared());
            }
            if (!plan.goodputSlos().isEmpty()) {
                Map<String, Double> goodput = new LinkedHashMap<>(base.getGoodput() == null ? Map.of() : base.getGoodput());
                goodput.putAll(plan.goodputSlos());
                base.setGoodput(goodput);
            }
        } else if (search == null) {
            throw new SpecException("spec: set spec.search (knobs, objectives, SLAs) or spec.recipe (e.g. max-concurrency-under-sla)");
        }
        SearchSpecs.Resolved resolved = fixed != null ? fixed.resolve(streaming, SearchFieldNames.under("spec.recipe"))
                : SearchSpecs.resolve(search, streaming, SearchFieldNames.under("spec.search"));
        if (resolved.pooling() == AdaptiveSearchSpec.Pooling.POOLED) {
            throw new SpecException("spec.search.objectivePooling: pooled needs every request's record, which a cluster run "
                    + "does not keep in its results; use mean");
        }
        MultiRunSpec multiRun = new MultiRunSpec();
        multiRun.setNumRuns(spec.resolvedTrials());
        ExperimentPlan trials = ExperimentPlan.of(base, null, multiRun, base.getRandomSeed(), "spec");
        return new SearchSetup(new AdaptiveSearch(base, resolved, "spec", o -> Map.of()), trials, fixed);
    }

    /** The base benchmark with the values every cell of a fixed recipe shares. */
    private static BenchmarkSpec withShared(BenchmarkSpec base, Map<String, Number> shared) {
        if (shared.isEmpty()) return base;
        ObjectNode tree = SpecTree.of(base);
        shared.forEach((path, v) -> DotPath.parse(path, "spec.recipe").set(tree, SpecTree.value(v), "spec.recipe"));
        return SpecTree.bind(tree, "spec.recipe");
    }

    int trialCount() { return trials.trials(); }

    /** The results ConfigMap's files: {@code search_history.json}, and a fixed recipe's derived file. */
    Map<String, String> files(List<Observation> finished, String reason) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SearchChildren.HISTORY_KEY, search.historyJson(finished, reason));
        if (fixedRecipe != null) files.put(fixedRecipe.artifactName(), fixedRecipe.artifactJson(finished));
        return files;
    }
}
