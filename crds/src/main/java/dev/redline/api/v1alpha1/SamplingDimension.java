package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

import java.util.List;

/** One dimension of a sobol or latin_hypercube sweep: a range (lo, hi) or a list of choices. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SamplingDimension {
    @JsonPropertyDescription("Dot-path of the field to vary, e.g. phases.profiling.concurrency or the shorthand concurrency.")
    @Required
    private String path;
    @JsonPropertyDescription("Inclusive lower bound (with hi).")
    private Double lo;
    @JsonPropertyDescription("Inclusive upper bound (with lo).")
    private Double hi;
    @JsonPropertyDescription("linear (default) or log mapping from the unit interval to [lo, hi]; log needs lo > 0.")
    private String scale;
    @JsonPropertyDescription("int or real (default): the type of the sampled value.")
    private String kind;
    @JsonPropertyDescription("Discrete values to pick from instead of lo/hi.")
    private List<Object> choices;

    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public Double getLo() { return lo; }
    public void setLo(Double lo) { this.lo = lo; }
    public Double getHi() { return hi; }
    public void setHi(Double hi) { this.hi = hi; }
    public String getScale() { return scale; }
    public void setScale(String scale) { this.scale = scale; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public List<Object> getChoices() { return choices; }
    public void setChoices(List<Object> choices) { this.choices = choices; }

    public boolean isLog() { return "log".equalsIgnoreCase(scale); }
    public boolean isInt() { return "int".equalsIgnoreCase(kind); }
}
