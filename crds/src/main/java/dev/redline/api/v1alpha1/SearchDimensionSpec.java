package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** One knob of an adaptive search, AIPerf's {@code search_space} entry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.lo < self.hi", message = "lo must be < hi")
public class SearchDimensionSpec {
    public enum Kind { @JsonProperty("int") INT, @JsonProperty("real") REAL }

    public enum Prior { @JsonProperty("uniform") UNIFORM, @JsonProperty("log-uniform") LOG_UNIFORM }

    @JsonPropertyDescription("Dot-path into the benchmark spec (phases.profiling.concurrency) or a short name: concurrency, rate, users, smoothness, isl, osl.")
    @Required
    private String path;

    @JsonPropertyDescription("Inclusive lower bound; must be < hi.")
    @Required
    private Double lo;

    @JsonPropertyDescription("Inclusive upper bound.")
    @Required
    private Double hi;

    @JsonPropertyDescription("int (probes are whole numbers) or real. Default: int for concurrency, users, isl, osl; real otherwise.")
    private Kind kind;

    @JsonPropertyDescription("uniform (default) or log-uniform: initial points and the model spread evenly over decades; needs lo > 0.")
    private Prior prior;

    public SearchDimensionSpec() { }

    public SearchDimensionSpec(String path, Double lo, Double hi, Kind kind, Prior prior) {
        this.path = path;
        this.lo = lo;
        this.hi = hi;
        this.kind = kind;
        this.prior = prior;
    }

    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public Double getLo() { return lo; }
    public void setLo(Double lo) { this.lo = lo; }
    public Double getHi() { return hi; }
    public void setHi(Double hi) { this.hi = hi; }
    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public Prior getPrior() { return prior; }
    public void setPrior(Prior prior) { this.prior = prior; }
}
