package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The best cells of a Sweep: max request throughput, and min TTFT p99 (request latency p99 without streaming). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SweepBest {
    @JsonPropertyDescription("The cell with the highest request_throughput.")
    private Entry throughput;
    @JsonPropertyDescription("The cell with the lowest time_to_first_token p99 (request_latency p99 when not streaming).")
    private Entry ttftP99;

    /** One best cell. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Entry {
        @JsonPropertyDescription("Cell index.")
        private Integer index;
        @JsonPropertyDescription("Cell label.")
        private String label;
        @JsonPropertyDescription("The value (mean over the cell's runs).")
        private Double value;
        @JsonPropertyDescription("Its unit.")
        private String unit;

        public Entry() { }

        public Entry(Integer index, String label, Double value, String unit) {
            this.index = index;
            this.label = label;
            this.value = value;
            this.unit = unit;
        }

        public Integer getIndex() { return index; }
        public void setIndex(Integer index) { this.index = index; }
        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public Double getValue() { return value; }
        public void setValue(Double value) { this.value = value; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
    }

    public Entry getThroughput() { return throughput; }
    public void setThroughput(Entry throughput) { this.throughput = throughput; }
    public Entry getTtftP99() { return ttftP99; }
    public void setTtftP99(Entry ttftP99) { this.ttftP99 = ttftP99; }
}
