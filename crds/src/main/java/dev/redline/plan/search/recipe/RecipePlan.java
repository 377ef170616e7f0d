package dev.redline.plan.search.recipe;

import dev.redline.api.v1alpha1.AdaptiveSearchSpec;

import java.util.List;
import java.util.Map;

/**
 * What a recipe expands to: an adaptive search, or a grid / scenario sweep whose cells are judged
 * afterwards by a post-process that writes one derived file under {@code sweep_aggregate/}.
 *
 * @param search        the adaptive search (SLA and throughput recipes), else null
 * @param goodputSlos   per-request SLOs to set on the benchmark (goodput recipes), else empty
 * @param grid          dot-path -> values, every combination is a cell (grid recipes), else null
 * @param scenarios     named cells with their values (pareto-sweep), else null
 * @param postProcess   the derived artifact of a grid or scenario recipe, else null
 */
public record RecipePlan(String recipe, AdaptiveSearchSpec search, Map<String, Double> goodputSlos,
                         Map<String, List<Number>> grid, List<Scenario> scenarios, PostProcess postProcess) {
    public RecipePlan {
        goodputSlos = goodputSlos == null ? Map.of() : Map.copyOf(goodputSlos);
    }

    /** One cell of a scenario sweep: its name and knob values by dot-path. */
    public record Scenario(String name, Map<String, Number> values) { }

    /**
     * @param handler    AIPerf's handler name (degradation_knee_detect, ttft_curve_fit, itl_surface_fit,
     *                   sla_breach_knee, pareto_sweep_export)
     * @param outputFile the file under sweep_aggregate/
     */
    public record PostProcess(String handler, String outputFile, Map<String, Object> params) {
        public PostProcess { params = Map.copyOf(params); }
    }

    public boolean isSearch() { return search != null; }
}
