package dev.redline.runner.experiment;

import dev.redline.api.v1alpha1.SweepType;
import dev.redline.plan.Planner;
import dev.redline.plan.SweepPlan;
import dev.redline.runner.BadInputException;
import dev.redline.runner.plugin.PluginRegistry;

import java.util.function.Function;

/**
 * The experiment planners in the plugin registry: the base run and each sweep type, keyed by the sweep's
 * {@code type} (AIPerf's names). {@link ExperimentRun} gets its planner through this category; an adaptive
 * planner registers here too.
 */
public final class PlannerPlugins {
    /** The planner's name when the experiment is not a sweep. */
    public static final String BASE = "base";

    public static final PluginRegistry.Category<Function<SweepPlan, Planner>> PLANNERS = PluginRegistry.category("planner");

    static {
        PLANNERS.register(BASE, "the benchmark as given, one variation (trials repeat it with --num-profile-runs)", SweepPlan::planner);
        for (SweepType t : SweepType.values()) PLANNERS.register(t.wireName(), "sweep: " + t.description(), SweepPlan::planner);
    }

    private PlannerPlugins() { }

    /** The planner registered for the plan's sweep type. */
    public static Planner forPlan(SweepPlan plan) {
        String name = plan.type() == null ? BASE : plan.type().wireName();
        Function<SweepPlan, Planner> factory = PLANNERS.find(name);
        if (factory == null) {
            throw new BadInputException("sweep.type: '" + name + "' has no planner in this runner; use one of " + String.join(", ", PLANNERS.names()));
        }
        return factory.apply(plan);
    }
}
