package dev.redline.runner.telemetry.prometheus;

/** The metric types of the Prometheus text format; families without a TYPE line are {@link #UNTYPED}. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED;

    /** Parses a TYPE keyword (case-sensitive, as the format defines it); null when unknown. */
    public static MetricType fromKeyword(String keyword) {
        return switch (keyword) {
            case "counter" -> COUNTER;
            case "gauge" -> GAUGE;
            case "histogram" -> HISTOGRAM;
            case "summary" -> SUMMARY;
            case "untyped", "unknown" -> UNTYPED;
            default -> null;
        };
    }

    public String keyword() {
        return name().toLowerCase();
    }
}
