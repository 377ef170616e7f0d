package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

import java.util.List;

/** One tier of a multi-tier SLA search, AIPerf's {@code sla_tiers} entry: a label and the SLA filters that must all hold. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SlaTierSpec {
    @JsonPropertyDescription("Unique name of the tier in search_history.json (--search-sla-tier LABEL:...; default tier_1, tier_2, ...).")
    @Required
    private String label;

    @JsonPropertyDescription("The tier's SLA filters, at least one; all must hold (with the search's slaFilters) for the tier to pass.")
    @Required
    private List<SlaFilterSpec> filters;

    public SlaTierSpec() { }

    public SlaTierSpec(String label, List<SlaFilterSpec> filters) {
        this.label = label;
        this.filters = filters;
    }

    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public List<SlaFilterSpec> getFilters() { return filters; }
    public void setFilters(List<SlaFilterSpec> filters) { this.filters = filters; }
}
