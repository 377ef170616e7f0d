package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The Search CR's spec: the Benchmark every iteration runs (with the probed knob values set), and either
 * an explicit {@code search} or a {@code recipe}. With a recipe, {@code search} may only tune the budget
 * (maxIterations, nInitialPoints, randomSeed, improvementPatience).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.search) || has(self.recipe)", message = "set spec.search or spec.recipe")
@ValidationRule(value = SearchSpec.IMMUTABLE_RULE,
        message = "spec is immutable after creation except cancel; create a new Search instead")
public class SearchSpec {
    /** The children are the state: a changed search would replay another planner over them. */
    public static final String IMMUTABLE_RULE = "self.template == oldSelf.template"
            + " && (has(self.search) == has(oldSelf.search)) && (!has(self.search) || self.search == oldSelf.search)"
            + " && (has(self.recipe) == has(oldSelf.recipe)) && (!has(self.recipe) || self.recipe == oldSelf.recipe)"
            + " && (has(self.trialsPerIteration) == has(oldSelf.trialsPerIteration)) && (!has(self.trialsPerIteration) || self.trialsPerIteration == oldSelf.trialsPerIteration)"
            + " && (has(self.cooldownSeconds) == has(oldSelf.cooldownSeconds)) && (!has(self.cooldownSeconds) || self.cooldownSeconds == oldSelf.cooldownSeconds)";

    @JsonPropertyDescription("The Benchmark each iteration runs; the search sets the knobs of spec.search.searchSpace in it.")
    @Required
    private BenchmarkResourceSpec template;

    @JsonPropertyDescription("The search: knobs, objectives, SLA filters, planner and budget (AIPerf's adaptive_search).")
    private AdaptiveSearchSpec search;

    @JsonPropertyDescription("A named recipe instead of (or tuned by) spec.search, e.g. max-concurrency-under-sla with ttftSlaMs.")
    private SearchRecipeSpec recipe;

    @JsonPropertyDescription("Benchmarks per iteration (multi-run confidence); the objective is their mean. Default 1.")
    @Min(1)
    @Max(10)
    private Integer trialsPerIteration;

    @JsonPropertyDescription("Seconds between one iteration's end and the next one's start. Default 0.")
    @Min(0)
    private Double cooldownSeconds;

    @JsonPropertyDescription("Set to true to stop: the running child is cancelled, no new iteration starts, the history is kept.")
    private Boolean cancel;

    public BenchmarkResourceSpec getTemplate() { return template; }
    public void setTemplate(BenchmarkResourceSpec template) { this.template = template; }
    public AdaptiveSearchSpec getSearch() { return search; }
    public void setSearch(AdaptiveSearchSpec search) { this.search = search; }
    public SearchRecipeSpec getRecipe() { return recipe; }
    public void setRecipe(SearchRecipeSpec recipe) { this.recipe = recipe; }
    public Integer getTrialsPerIteration() { return trialsPerIteration; }
    public void setTrialsPerIteration(Integer trialsPerIteration) { this.trialsPerIteration = trialsPerIteration; }
    public Double getCooldownSeconds() { return cooldownSeconds; }
    public void setCooldownSeconds(Double cooldownSeconds) { this.cooldownSeconds = cooldownSeconds; }
    public Boolean getCancel() { return cancel; }
    public void setCancel(Boolean cancel) { this.cancel = cancel; }

    public int resolvedTrials() { return trialsPerIteration == null ? 1 : trialsPerIteration; }
    public boolean cancelRequested() { return Boolean.TRUE.equals(cancel); }
}
