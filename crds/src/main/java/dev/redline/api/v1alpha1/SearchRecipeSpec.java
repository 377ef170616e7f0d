package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

import java.util.List;

/**
 * A named search recipe (AIPerf's {@code --search-recipe}) and its options: the SLA targets and the
 * bounds the recipe may be tuned with. {@code dev.redline.plan.search.recipe.SearchRecipes} expands it into
 * an adaptive search or a grid sweep with a derived artifact.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SearchRecipeSpec {
    @JsonPropertyDescription("max-throughput-ttft-sla, max-throughput-itl-sla, max-concurrency-under-sla, max-goodput-under-slo, concurrency-ramp, prefill-ttft-curve, decode-itl-curve or pareto-sweep.")
    @Required
    private String name;
    @JsonPropertyDescription("TTFT SLA in ms (p95 < this).")
    private Double ttftSlaMs;
    @JsonPropertyDescription("Inter-token latency SLA in ms (p95 < this); same as tpotSlaMs.")
    private Double itlSlaMs;
    @JsonPropertyDescription("Time per output token SLA in ms; an alias of itlSlaMs.")
    private Double tpotSlaMs;
    @JsonPropertyDescription("End-to-end request latency SLA in ms (p99 < this).")
    private Double e2eSlaMs;
    @JsonPropertyDescription("Error-rate SLA as a fraction (0.01 = 1 % of requests).")
    private Double errorRateSla;
    @JsonPropertyDescription("max-goodput-under-slo: fraction of requests that must meet all SLOs, in (0, 1]; default 0.95.")
    private Double sloAttainmentFraction;
    @JsonPropertyDescription("max-concurrency-under-sla: smooth_isotonic (default), monotonic, bo or grid.")
    private String searchStyle;
    @JsonPropertyDescription("concurrency-ramp: relative degradation that marks the knee; default 0.20.")
    private Double degradationThreshold;
    @JsonPropertyDescription("concurrency-ramp: metric judged for the knee; default request_latency.")
    private String degradationMetricTag;
    @JsonPropertyDescription("concurrency-ramp: statistic judged for the knee; default p99.")
    private String degradationStat;
    @JsonPropertyDescription("Lowest concurrency searched or swept.")
    @Min(1)
    private Integer concurrencyMin;
    @JsonPropertyDescription("Highest concurrency searched or swept.")
    @Min(1)
    private Integer concurrencyMax;
    @JsonPropertyDescription("Concurrency levels of a grid recipe (log-spaced).")
    @Min(2)
    private Integer concurrencySteps;
    @JsonPropertyDescription("prefill-ttft-curve: smallest ISL; default 256.")
    @Min(1)
    private Integer islMin;
    @JsonPropertyDescription("prefill-ttft-curve: largest ISL; default 32768.")
    @Min(1)
    private Integer islMax;
    @JsonPropertyDescription("prefill-ttft-curve: ISL levels (log-spaced); default 8.")
    @Min(2)
    private Integer islSteps;
    @JsonPropertyDescription("decode-itl-curve: smallest OSL; default 64.")
    @Min(1)
    private Integer oslMin;
    @JsonPropertyDescription("decode-itl-curve: largest OSL; default 1024.")
    @Min(1)
    private Integer oslMax;
    @JsonPropertyDescription("decode-itl-curve: OSL levels (log-spaced); default 4.")
    @Min(2)
    private Integer oslSteps;
    @JsonPropertyDescription("pareto-sweep: ISL/OSL shapes, e.g. 128/128,512/256.")
    private String islOslPairs;
    @JsonPropertyDescription("pareto-sweep: the concurrencies of each shape; default 1, 4, 16, 64, 256.")
    private List<Integer> concurrency;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Double getTtftSlaMs() { return ttftSlaMs; }
    public void setTtftSlaMs(Double v) { this.ttftSlaMs = v; }
    public Double getItlSlaMs() { return itlSlaMs; }
    public void setItlSlaMs(Double v) { this.itlSlaMs = v; }
    public Double getTpotSlaMs() { return tpotSlaMs; }
    public void setTpotSlaMs(Double v) { this.tpotSlaMs = v; }
    public Double getE2eSlaMs() { return e2eSlaMs; }
    public void setE2eSlaMs(Double v) { this.e2eSlaMs = v; }
    public Double getErrorRateSla() { return errorRateSla; }
    public void setErrorRateSla(Double v) { this.errorRateSla = v; }
    public Double getSloAttainmentFraction() { return sloAttainmentFraction; }
    public void setSloAttainmentFraction(Double v) { this.sloAttainmentFraction = v; }
    public String getSearchStyle() { return searchStyle; }
    public void setSearchStyle(String v) { this.searchStyle = v; }
    public Double getDegradationThreshold() { return degradationThreshold; }
    public void setDegradationThreshold(Double v) { this.degradationThreshold = v; }
    public String getDegradationMetricTag() { return degradationMetricTag; }
    public void setDegradationMetricTag(String v) { this.degradationMetricTag = v; }
    public String getDegradationStat() { return degradationStat; }
    public void setDegradationStat(String v) { this.degradationStat = v; }
    public Integer getConcurrencyMin() { return concurrencyMin; }
    public void setConcurrencyMin(Integer v) { this.concurrencyMin = v; }
    public Integer getConcurrencyMax() { return concurrencyMax; }
    public void setConcurrencyMax(Integer v) { this.concurrencyMax = v; }
    public Integer getConcurrencySteps() { return concurrencySteps; }
    public void setConcurrencySteps(Integer v) { this.concurrencySteps = v; }
    public Integer getIslMin() { return islMin; }
    public void setIslMin(Integer v) { this.islMin = v; }
    public Integer getIslMax() { return islMax; }
    public void setIslMax(Integer v) { this.islMax = v; }
    public Integer getIslSteps() { return islSteps; }
    public void setIslSteps(Integer v) { this.islSteps = v; }
    public Integer getOslMin() { return oslMin; }
    public void setOslMin(Integer v) { this.oslMin = v; }
    public Integer getOslMax() { return oslMax; }
    public void setOslMax(Integer v) { this.oslMax = v; }
    public Integer getOslSteps() { return oslSteps; }
    public void setOslSteps(Integer v) { this.oslSteps = v; }
    public String getIslOslPairs() { return islOslPairs; }
    public void setIslOslPairs(String v) { this.islOslPairs = v; }
    public List<Integer> getConcurrency() { return concurrency; }
    public void setConcurrency(List<Integer> v) { this.concurrency = v; }
}
