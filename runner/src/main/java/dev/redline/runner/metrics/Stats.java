package dev.redline.runner.metrics;

/** The distribution summary AIPerf exports for a record metric, in display units. */
public record Stats(double avg, double min, double max, double p1, double p5, double p10, double p25, double p50,
                    double p75, double p90, double p95, double p99, double std, long count, double sum) {

    /** Percentile by AIPerf's name ("p50"); NaN for an unknown name. */
    public double percentile(String name) {
        return switch (name) {
            case "p1" -> p1;
            case "p5" -> p5;
            case "p10" -> p10;
            case "p25" -> p25;
            case "p50" -> p50;
            case "p75" -> p75;
            case "p90" -> p90;
            case "p95" -> p95;
            case "p99" -> p99;
            default -> Double.NaN;
        };
    }

    /** Any stat by its export key (avg, min, max, p1..p99, std, count, sum). */
    public double get(String key) {
        return switch (key) {
            case "avg" -> avg;
            case "min" -> min;
            case "max" -> max;
            case "std" -> std;
            case "count" -> count;
            case "sum" -> sum;
            default -> percentile(key);
        };
    }
}
