package dev.redline.plan;

import java.util.ArrayList;
import java.util.List;

/** A finished variation: what ran and every trial's outcome. This is what planners learn from. */
public record Observation(Variation variation, List<TrialOutcome> trials) {
    public Observation {
        trials = List.copyOf(trials);
    }

    public List<TrialOutcome> successful() {
        return trials.stream().filter(TrialOutcome::succeeded).toList();
    }

    public boolean anySucceeded() { return trials.stream().anyMatch(TrialOutcome::succeeded); }

    /**
     * Mean over the successful trials of one statistic of one metric ({@code ("output_token_throughput",
     * "avg")}, {@code ("time_to_first_token", "p99")}), or null when no successful trial reports it.
     */
    public Double mean(String tag, String stat) {
        List<Double> values = values(tag, stat);
        if (values.isEmpty()) return null;
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.size();
    }

    /** That statistic of every successful trial that reports it, in trial order. */
    public List<Double> values(String tag, String stat) {
        List<Double> out = new ArrayList<>();
        for (TrialOutcome t : successful()) {
            Double v = t.export().stat(tag, stat);
            if (v != null && Double.isFinite(v)) out.add(v);
        }
        return out;
    }
}
