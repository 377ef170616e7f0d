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

    /** AIPerf's spelling in {@code --search-sla} and {@code sla_filters}: lt, le, gt, ge. */
    public String aiperfName() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** Parses lt/le/gt/ge (AIPerf) or the symbol; null when it is neither. */
    public static SloOperator parse(String text) {
        if (text == null) return null;
        String t = text.trim();
        for (SloOperator op : values()) {
            if (op.aiperfName().equalsIgnoreCase(t) || op.symbol.equals(t)) return op;
        }
        return null;
    }

    /** True for lt/le: the threshold is a ceiling (violation = observed - threshold). */
    public boolean isUpperBound() { return this == LT || this == LE; }

    public boolean holds(double actual, double threshold) {
        return switch (this) {
            case LT -> actual < threshold;
            case LE -> actual <= threshold;
            case GT -> actual > threshold;
            case GE -> actual >= threshold;
        };
    }
}
