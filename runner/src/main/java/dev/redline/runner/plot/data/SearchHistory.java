package dev.redline.runner.plot.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An adaptive search's trajectory from search_history.json (AIPerf's shape, aiperf.md §7.3).
 *
 * @param maximize the objective's direction
 */
public record SearchHistory(Path file, String metric, String stat, boolean maximize, List<Iteration> iterations, List<Sla> slas) {
    /** @param objective null when the iteration was not scored (failed) */
    public record Iteration(int index, Map<String, Object> variation, Double objective, boolean feasible) { }

    /** A constraint {@code metric stat op threshold}, e.g. time_to_first_token p95 lt 200. */
    public record Sla(String metric, String stat, String op, double threshold) {
        public String label() { return metric + " " + stat + " " + op + " " + fmt(threshold); }

        private static String fmt(double d) { return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d); }
    }
}
