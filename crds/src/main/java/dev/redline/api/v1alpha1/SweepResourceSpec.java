package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * A Sweep's spec: the Benchmark every cell starts from ({@code template}, the Benchmark resource's own
 * spec), what varies ({@code sweep}, the {@code sweep:} model of a config file) and how many runs per
 * cell ({@code multiRun}, the {@code multi_run:} model), plus how the cluster runs them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"template", "sweep", "multiRun", "maxParallel", "execution", "cancel"})
public class SweepResourceSpec {
    public static final int DEFAULT_MAX_PARALLEL = 1;

    @JsonPropertyDescription("The Benchmark spec every cell starts from (models, endpoint, dataset, phases, runners, output, slo...).")
    @Required
    private BenchmarkResourceSpec template;

    @JsonPropertyDescription("What varies: grid, zip, scenarios, sobol or latin_hypercube over dot-paths of the template (the config file's sweep: section).")
    @Required
    private SweepSpec sweep;

    @JsonPropertyDescription("Runs per cell (numRuns, default 1), the cooldown between them and the confidence level of the cell aggregates (the config file's multi_run: section).")
    private MultiRunSpec multiRun;

    @JsonPropertyDescription("Cells running at once with execution perCell (default 1: cells share a model server and must not overlap).")
    @Min(1)
    private Integer maxParallel;

    @JsonPropertyDescription("perCell (default): one child Benchmark per run; warmPool: one runner pod runs every cell in order.")
    private SweepExecution execution;

    @JsonPropertyDescription("Set to true to stop: the running cells are cancelled (perCell: their child Benchmarks get spec.cancel; warmPool: the runner Job is suspended), no further cell starts, the finished cells stay in status and the Sweep ends Cancelled.")
    private Boolean cancel;

    public BenchmarkResourceSpec getTemplate() { return template; }
    public void setTemplate(BenchmarkResourceSpec template) { this.template = template; }
    public SweepSpec getSweep() { return sweep; }
    public void setSweep(SweepSpec sweep) { this.sweep = sweep; }
    public MultiRunSpec getMultiRun() { return multiRun; }
    public void setMultiRun(MultiRunSpec multiRun) { this.multiRun = multiRun; }
    public Integer getMaxParallel() { return maxParallel; }
    public void setMaxParallel(Integer maxParallel) { this.maxParallel = maxParallel; }
    public SweepExecution getExecution() { return execution; }
    public void setExecution(SweepExecution execution) { this.execution = execution; }

    public Boolean getCancel() { return cancel; }
    public void setCancel(Boolean cancel) { this.cancel = cancel; }

    public int resolvedMaxParallel() { return maxParallel == null ? DEFAULT_MAX_PARALLEL : maxParallel; }
    public SweepExecution resolvedExecution() { return execution == null ? SweepExecution.PER_CELL : execution; }
    public boolean cancelRequested() { return Boolean.TRUE.equals(cancel); }
}
