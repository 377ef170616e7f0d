package dev.redline.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the measured value is compared with the threshold. */
public enum SloOperator {
    @JsonProperty("<") LT("<"),
    @JsonProperty("<=") LE("<="),
    @JsonProperty(">") GT(">"),
    @JsonProperty(">=") GE(">=");

    private final String symbol;

    SloOperator(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    public boolean holds(double actual, double threshold) {
        return switch (this) {
            case LT -> actual < threshold;
            case LE -> actual <= threshold;
            case GT -> actual > threshold;
            case GE -> actual >= threshold;
        };
    }
}
