package dev.redline.runner.metrics;

/**
 * A metric's display unit and how its base value (ns, tokens, ...) converts to it. The histogram scale
 * turns a display value back into the integer stored in the HdrHistogram (ns for times, milli-units
 * for rates and percentages) so 3 significant digits hold at every magnitude that matters.
 */
public enum MetricUnit {
    MILLISECONDS("ms", 1e6, 1e6),
    SECONDS("s", 1e9, 1e9),
    NANOSECONDS("ns", 1, 1),
    TOKENS("tokens", 1, 1),
    TOKENS_PER_SECOND("tokens/sec", 1, 1000),
    TOKENS_PER_SECOND_PER_USER("tokens/sec/user", 1, 1000),
    REQUESTS("requests", 1, 1),
    REQUESTS_PER_SECOND("requests/sec", 1, 1000),
    PERCENT("%", 1, 1000),
    IMAGES("images", 1, 1),
    IMAGES_PER_SECOND("images/sec", 1, 1000),
    MS_PER_IMAGE("ms/image", 1e6, 1e6),
    RATIO("ratio", 1, 1000),
    COUNT("count", 1, 1),
    MEGABYTES("MB", 1, 1000);

    private final String label;
    private final double baseDivisor;
    private final double histogramScale;

    MetricUnit(String label, double baseDivisor, double histogramScale) {
        this.label = label;
        this.baseDivisor = baseDivisor;
        this.histogramScale = histogramScale;
    }

    /** The unit as printed ("ms", "tokens/sec"). */
    public String label() { return label; }

    /** Converts a base-unit value (ns for times) to this display unit. */
    public double fromBase(double base) { return base / baseDivisor; }

    /** Converts a display value back to the base unit (ns for times). */
    public double toBase(double display) { return display * baseDivisor; }

    /** The base unit as AIPerf's metric registry names it ("ns" for times). */
    public String baseLabel() {
        return switch (this) {
            case MILLISECONDS, SECONDS, NANOSECONDS -> "ns";
            case MS_PER_IMAGE -> "ns/image";
            default -> label;
        };
    }

    /** Multiplier from display value to the integer recorded in the histogram. */
    public double histogramScale() { return histogramScale; }
}
