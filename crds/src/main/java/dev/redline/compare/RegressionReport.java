package dev.redline.compare;

import java.util.List;
import java.util.Locale;

/** Every gated figure of one comparison, and what they add up to. */
public record RegressionReport(List<MetricComparison> metrics, double alpha) {
    public RegressionReport {
        metrics = List.copyOf(metrics);
    }

    /** The overall answer: a regression, none, or no answer because a figure could not be compared. */
    public enum Outcome { Regressed, NoRegression, Inconclusive }

    public Outcome outcome() {
        if (metrics.stream().anyMatch(m -> m.getVerdict() == Verdict.Regressed)) return Outcome.Regressed;
        if (metrics.isEmpty() || metrics.stream().anyMatch(m -> m.getVerdict() == Verdict.Missing
                || m.getVerdict() == Verdict.TooFewSamples)) {
            return Outcome.Inconclusive;
        }
        return Outcome.NoRegression;
    }

    public boolean regressed() { return outcome() == Outcome.Regressed; }

    /** One line for a condition message: the figures that decided it first. */
    public String summary() {
        if (metrics.isEmpty()) return "no gated metric is in either run";
        List<MetricComparison> regressed = metrics.stream().filter(m -> m.getVerdict() == Verdict.Regressed).toList();
        List<MetricComparison> open = metrics.stream()
                .filter(m -> m.getVerdict() == Verdict.Missing || m.getVerdict() == Verdict.TooFewSamples).toList();
        String level = String.format(Locale.ROOT, "%.0f%% confidence", (1 - alpha) * 100);
        return switch (outcome()) {
            case Regressed -> regressed.size() + " of " + metrics.size() + " figures regressed (" + level + "): "
                    + String.join("; ", regressed.stream().map(MetricComparison::describe).toList());
            case Inconclusive -> "cannot compare " + String.join("; ", open.stream().map(MetricComparison::describe).toList());
            case NoRegression -> "no regression in " + metrics.size() + " figures (" + level + "): "
                    + String.join("; ", metrics.stream().map(MetricComparison::describe).toList());
        };
    }
}
