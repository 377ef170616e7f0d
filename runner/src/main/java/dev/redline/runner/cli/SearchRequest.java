package dev.redline.runner.cli;

import dev.redline.api.config.ConfigEnvelope;
import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.SearchRecipeSpec;
import dev.redline.api.v1alpha1.SweepSpec;
import dev.redline.api.v1alpha1.SweepType;
import dev.redline.plan.search.SearchFieldNames;
import dev.redline.plan.search.recipe.RecipePlan;
import dev.redline.plan.search.recipe.RecipeTuning;
import dev.redline.plan.search.recipe.SearchRecipes;
import dev.redline.runner.BadInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the search flags into the envelope: an explicit search (flags replace a file's
 * {@code sweep: {type: adaptive_search}}), or a recipe, which becomes either a search or, for the grid and
 * scenario recipes, a sweep plus the post-process that writes its derived file. A search and a sweep
 * are exclusive; pareto-sweep takes its concurrencies from {@code --concurrency 1,4,16}.
 */
final class SearchRequest {
    private SearchRequest() { }

    /** Applies the flags to {@code env}; returns the recipe's post-process, or null. */
    static RecipePlan.PostProcess apply(ConfigEnvelope env, SearchOptions flags) {
        SearchRecipeSpec recipe = flags.recipeSpec();
        var explicit = flags.searchSpec();
        RecipePlan.PostProcess post = null;
        if (recipe != null) {
            if ("pareto-sweep".equals(recipe.getName()) && concurrencyListOnly(env.getSweep())) {
                List<Integer> c = new ArrayList<>();
                for (Object v : env.getSweep().getParameters().values().iterator().next()) c.add(((Number) v).intValue());
                recipe.setConcurrency(c);
                env.setSweep(null);
            }
            if (env.getSweep() != null) {
                throw new BadInputException("--search-recipe " + recipe.getName() + ": the recipe plans its own runs; drop the sweep "
                        + "(list values, --variant or sweep: in the file)");
            }
            BenchmarkSpec bench = env.benchmark();
            boolean streaming = bench.getEndpoint() != null && Boolean.TRUE.equals(bench.getEndpoint().getStreaming());
            RecipePlan plan = SearchRecipes.expand(recipe, streaming, SearchFieldNames.cliFlags());
            if (plan.isSearch()) {
                env.setSearch(RecipeTuning.apply(plan, flags.tuning(), SearchFieldNames.cliFlags()));
                if (!plan.goodputSlos().isEmpty()) {
                    Map<String, Double> goodput = new LinkedHashMap<>(bench.getGoodput() == null ? Map.of() : bench.getGoodput());
                    goodput.putAll(plan.goodputSlos());
                    bench.setGoodput(goodput);
                }
            } else {
                RecipeTuning.apply(plan, flags.tuning(), SearchFieldNames.cliFlags()); // refuses budget flags on a fixed sweep
                env.setSweep(sweep(plan));
                post = plan.postProcess();
            }
        } else if (explicit != null) {
            env.setSearch(explicit);
        }
        if (env.getSearch() != null && env.getSweep() != null) {
            throw new BadInputException("--search-space: a search runs its own iterations; drop the sweep (list values, --variant or sweep: in the file)");
        }
        if (flags.resume() != null && env.getSearch() == null) {
            throw new BadInputException("--resume: continues a search; give the same --search-* flags (or --search-recipe) as the search in "
                    + flags.resume());
        }
        return post;
    }

    private static boolean concurrencyListOnly(SweepSpec s) {
        return s != null && s.resolvedType() == SweepType.GRID && s.getParameters() != null && s.getParameters().size() == 1
                && SearchRecipes.CONCURRENCY.equals(dev.redline.plan.DotPath.parse(s.getParameters().keySet().iterator().next(), "--concurrency").canonical());
    }

    /** A grid recipe's parameters, or a scenario recipe's runs ({@code {name, <dot-path>: value ...}}). */
    static SweepSpec sweep(RecipePlan plan) {
        SweepSpec s = new SweepSpec();
        if (plan.grid() != null) {
            s.setType(SweepType.GRID);
            Map<String, List<Object>> params = new LinkedHashMap<>();
            plan.grid().forEach((k, v) -> params.put(k, new ArrayList<>(v)));
            s.setParameters(params);
        } else {
            s.setType(SweepType.SCENARIOS);
            List<Map<String, Object>> runs = new ArrayList<>();
            for (RecipePlan.Scenario sc : plan.scenarios()) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("name", sc.name());
                run.putAll(sc.values());
                runs.add(run);
            }
            s.setRuns(runs);
        }
        return s;
    }
}
