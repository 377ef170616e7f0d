package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

import java.util.List;

/**
 * An adaptive search, shaped as AIPerf's {@code sweep: {type: adaptive_search, ...}} body: the same model
 * is built from the {@code --search-*} flags, read from a YAML file, and embedded in the Search custom
 * resource. {@code dev.redline.plan.search.SearchSpecs} validates it and builds the planner.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdaptiveSearchSpec {
    /** The {@code sweep.type} of an adaptive search in a config file. */
    public static final String SWEEP_TYPE = "adaptive_search";

    /** The {@code --search-planner} names; {@code redline plugins search_planner} lists them with these descriptions. */
    public enum Planner {
        @JsonProperty("bayesian") BAYESIAN("bayesian", "Gaussian-process Bayesian optimisation (log expected improvement), any number of knobs and objectives"),
        @JsonProperty("monotonic_sla") MONOTONIC_SLA("monotonic_sla", "one integer knob, SLA saturation: exponential probe then bisection (perf_analyzer's --binary-search)"),
        @JsonProperty("smooth_isotonic") SMOOTH_ISOTONIC("smooth_isotonic", "one integer knob, SLA saturation under noise: isotonic fit, PCHIP, root-find; cliff guard"),
        @JsonProperty("grid") GRID("grid", "every point of the search space's grid, best feasible one reported"),
        /** AIPerf's Optuna planner: accepted and run by the built-in Bayesian planner (with a notice). */
        @JsonProperty("optuna") OPTUNA("optuna", "AIPerf's Optuna planner: run by the bayesian planner, its sampler/acquisition options mapped");

        private final String wireName;
        private final String description;

        Planner(String wireName, String description) {
            this.wireName = wireName;
            this.description = description;
        }

        public String wireName() { return wireName; }

        public String description() { return description; }
    }

    public enum Pooling { @JsonProperty("mean") MEAN, @JsonProperty("pooled") POOLED }

    @JsonPropertyDescription("bayesian (default), monotonic_sla, smooth_isotonic or grid; optuna runs as bayesian.")
    private Planner planner;

    @JsonPropertyDescription("The recipe this search was built from (set by --search-recipe / spec.recipe), recorded in search_history.json.")
    private String recipe;

    @JsonPropertyDescription("The knobs to search, at least one.")
    private List<SearchDimensionSpec> searchSpace;

    @JsonPropertyDescription("What to optimise; several make a Pareto (multi-objective) search.")
    private List<SearchObjectiveSpec> objectives;

    @JsonPropertyDescription("SLAs every accepted configuration must keep; the best result is chosen among the feasible ones first.")
    private List<SlaFilterSpec> slaFilters;

    @JsonPropertyDescription("Multi-tier SLA search (2 to 10 tiers, AIPerf's sla_tiers): one integer knob, one bracket per tier found by exponential ramp then bisection of the widest bracket; slaFilters apply to every tier.")
    private List<SlaTierSpec> slaTiers;

    @JsonPropertyDescription("Iteration budget, 2..200 (default 30).")
    @Min(2)
    @Max(200)
    private Integer maxIterations;

    @JsonPropertyDescription("Sobol points before the Gaussian process proposes (bayesian; default 5, must be < maxIterations).")
    @Min(1)
    @JsonProperty("nInitialPoints") // the getter's bean name would be "ninitialPoints"
    private Integer nInitialPoints;

    @JsonPropertyDescription("Seed of the Sobol points and multi-objective weights (default 0).")
    @Min(0)
    private Long randomSeed;

    @JsonPropertyDescription("Stop after this many iterations without a new best (bayesian; default 10).")
    @Min(2)
    private Integer improvementPatience;

    @JsonPropertyDescription("Iterations in the CV plateau window (bayesian; default 8).")
    @Min(2)
    private Integer plateauWindow;

    @JsonPropertyDescription("Stop when the objective's CV over the plateau window is below this (bayesian; default 0.01).")
    private Double plateauThreshold;

    @JsonPropertyDescription("SLA planners stop when the feasible/infeasible bracket is narrower than this fraction of its upper end (default 0.05).")
    private Double precision;

    @JsonPropertyDescription("How a percentile objective combines an iteration's trials: mean of per-trial values (default) or pooled over all requests.")
    private Pooling objectivePooling;

    @JsonPropertyDescription("Seconds to wait between iterations. Default 0.")
    private Double cooldownSeconds;

    @JsonPropertyDescription("AIPerf's Optuna sampler (gp, tpe, botorch): accepted, the built-in Gaussian process is used.")
    private String optunaSampler;

    @JsonPropertyDescription("AIPerf's acquisition override: single-objective ones (logei, qlogei, qnei, qlognei) map to log EI, multi-objective ones (qehvi, qnehvi, qlognehvi) to the Pareto search.")
    private String optunaAcquisition;

    @JsonPropertyDescription("AIPerf's posterior-regret terminator: only none is supported.")
    private String optunaTerminator;

    public Planner getPlanner() { return planner; }
    public void setPlanner(Planner planner) { this.planner = planner; }
    public String getRecipe() { return recipe; }
    public void setRecipe(String recipe) { this.recipe = recipe; }
    public List<SearchDimensionSpec> getSearchSpace() { return searchSpace; }
    public void setSearchSpace(List<SearchDimensionSpec> searchSpace) { this.searchSpace = searchSpace; }
    public List<SearchObjectiveSpec> getObjectives() { return objectives; }
    public void setObjectives(List<SearchObjectiveSpec> objectives) { this.objectives = objectives; }
    public List<SlaFilterSpec> getSlaFilters() { return slaFilters; }
    public void setSlaFilters(List<SlaFilterSpec> slaFilters) { this.slaFilters = slaFilters; }
    public List<SlaTierSpec> getSlaTiers() { return slaTiers; }
    public void setSlaTiers(List<SlaTierSpec> slaTiers) { this.slaTiers = slaTiers; }
    public Integer getMaxIterations() { return maxIterations; }
    public void setMaxIterations(Integer maxIterations) { this.maxIterations = maxIterations; }
    @JsonProperty("nInitialPoints")
    public Integer getNInitialPoints() { return nInitialPoints; }
    @JsonProperty("nInitialPoints")
    public void setNInitialPoints(Integer nInitialPoints) { this.nInitialPoints = nInitialPoints; }
    public Long getRandomSeed() { return randomSeed; }
    public void setRandomSeed(Long randomSeed) { this.randomSeed = randomSeed; }
    public Integer getImprovementPatience() { return improvementPatience; }
    public void setImprovementPatience(Integer improvementPatience) { this.improvementPatience = improvementPatience; }
    public Integer getPlateauWindow() { return plateauWindow; }
    public void setPlateauWindow(Integer plateauWindow) { this.plateauWindow = plateauWindow; }
    public Double getPlateauThreshold() { return plateauThreshold; }
    public void setPlateauThreshold(Double plateauThreshold) { this.plateauThreshold = plateauThreshold; }
    public Double getPrecision() { return precision; }
    public void setPrecision(Double precision) { this.precision = precision; }
    public Pooling getObjectivePooling() { return objectivePooling; }
    public void setObjectivePooling(Pooling objectivePooling) { this.objectivePooling = objectivePooling; }
    public Double getCooldownSeconds() { return cooldownSeconds; }
    public void setCooldownSeconds(Double cooldownSeconds) { this.cooldownSeconds = cooldownSeconds; }
    public String getOptunaSampler() { return optunaSampler; }
    public void setOptunaSampler(String optunaSampler) { this.optunaSampler = optunaSampler; }
    public String getOptunaAcquisition() { return optunaAcquisition; }
    public void setOptunaAcquisition(String optunaAcquisition) { this.optunaAcquisition = optunaAcquisition; }
    public String getOptunaTerminator() { return optunaTerminator; }
    public void setOptunaTerminator(String optunaTerminator) { this.optunaTerminator = optunaTerminator; }
}
