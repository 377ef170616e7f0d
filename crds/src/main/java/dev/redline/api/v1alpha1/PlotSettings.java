package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** AIPerf's {@code plot.settings}: how the server-metrics time series are thinned before they are drawn. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlotSettings {
    @JsonPropertyDescription("Server metrics averaged over time windows before plotting (AIPerf's server_metrics_downsampling).")
    private Downsampling serverMetricsDownsampling;

    public Downsampling getServerMetricsDownsampling() { return serverMetricsDownsampling; }
    public void setServerMetricsDownsampling(Downsampling d) { this.serverMetricsDownsampling = d; }

    /** One window per {@code windowSizeSeconds}, its scrapes reduced by {@code aggregationMethod}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Downsampling {
        public static final double DEFAULT_WINDOW_SECONDS = 5.0;

        @JsonPropertyDescription("Downsample (default true).")
        private Boolean enabled;

        @JsonPropertyDescription("Window length in seconds (default 5).")
        @Min(value = 0, inclusive = false)
        @Max(86400)
        private Double windowSizeSeconds;

        @JsonPropertyDescription("How a window's scrapes become one point: mean (default), max, min or median.")
        @Pattern("^(mean|max|min|median)$")
        private String aggregationMethod;

        public Boolean getEnabled() { return enabled; }
        public void setEnabled(Boolean enabled) { this.enabled = enabled; }
        public Double getWindowSizeSeconds() { return windowSizeSeconds; }
        public void setWindowSizeSeconds(Double windowSizeSeconds) { this.windowSizeSeconds = windowSizeSeconds; }
        public String getAggregationMethod() { return aggregationMethod; }
        public void setAggregationMethod(String aggregationMethod) { this.aggregationMethod = aggregationMethod; }

        public boolean isEnabled() { return !Boolean.FALSE.equals(enabled); }
        public double resolvedWindowSeconds() { return windowSizeSeconds == null ? DEFAULT_WINDOW_SECONDS : windowSizeSeconds; }
        public String resolvedAggregation() { return aggregationMethod == null ? "mean" : aggregationMethod; }
    }
}
