package dev.redline.plan.search.recipe;

import dev.redline.api.config.SpecException;
import dev.redline.api.v1alpha1.AdaptiveSearchSpec;
import dev.redline.plan.search.SearchFieldNames;

/**
 * What may be layered over a recipe's search (AIPerf's tunable flags): the budget, the seed, the
 * stopping knobs and the SLA tiers of a multi-tier search (the recipe's SLAs then apply to every tier). The search problem itself (space, objectives, SLAs, planner) belongs to the recipe, and
 * a grid or scenario recipe has no search to tune.
 */
public final class RecipeTuning {
    private RecipeTuning() { }

    /** {@code tuning} may be null; returns the recipe's search with the tuning applied. */
    public static AdaptiveSearchSpec apply(RecipePlan plan, AdaptiveSearchSpec tuning, SearchFieldNames names) {
        if (tuning == null) return plan.search();
        String defining = defining(tuning);
        if (defining != null) {
            throw new SpecException(names.name(defining) + ": recipe " + plan.recipe() + " chooses the space, objectives, SLAs and planner; "
                    + "remove it (only maxIterations, nInitialPoints, randomSeed, improvementPatience, plateau and cooldown settings and slaTiers tune a recipe)");
        }
        if (!plan.isSearch()) {
            throw new SpecException(names.name(tuning.getSlaTiers() != null ? "slaTiers" : "maxIterations") + ": recipe " + plan.recipe()
                    + " is a fixed sweep, not a search; its budget is its grid (drop the search settings)");
        }
        AdaptiveSearchSpec s = plan.search();
        if (tuning.getMaxIterations() != null) s.setMaxIterations(tuning.getMaxIterations());
        if (tuning.getNInitialPoints() != null) s.setNInitialPoints(tuning.getNInitialPoints());
        if (tuning.getRandomSeed() != null) s.setRandomSeed(tuning.getRandomSeed());
        if (tuning.getImprovementPatience() != null) s.setImprovementPatience(tuning.getImprovementPatience());
        if (tuning.getPlateauWindow() != null) s.setPlateauWindow(tuning.getPlateauWindow());
        if (tuning.getPlateauThreshold() != null) s.setPlateauThreshold(tuning.getPlateauThreshold());
        if (tuning.getPrecision() != null) s.setPrecision(tuning.getPrecision());
        if (tuning.getCooldownSeconds() != null) s.setCooldownSeconds(tuning.getCooldownSeconds());
        if (tuning.getSlaTiers() != null) s.setSlaTiers(tuning.getSlaTiers());
        return s;
    }

    private static String defining(AdaptiveSearchSpec t) {
        if (t.getSearchSpace() != null) return "searchSpace";
        if (t.getObjectives() != null) return "objectives";
        if (t.getSlaFilters() != null) return "slaFilters";
        if (t.getPlanner() != null) return "planner";
        if (t.getObjectivePooling() != null) return "objectivePooling";
        if (t.getOptunaSampler() != null) return "optunaSampler";
        if (t.getOptunaAcquisition() != null) return "optunaAcquisition";
        if (t.getOptunaTerminator() != null) return "optunaTerminator";
        if (t.getRecipe() != null) return "recipe";
        return null;
    }
}
