package dev.redline.runner.experiment;

import dev.redline.plan.Observation;
import dev.redline.plan.aggregate.SweepAggregate;
import dev.redline.plan.SweepParameter;
import dev.redline.plan.TrialOutcome;
import dev.redline.plan.Variation;
import dev.redline.runner.console.TextTable;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live sweep table on a terminal: one row per variation as its runs finish (means over its
 * successful trials), ★ on the rows that are Pareto-optimal so far (max request throughput, min TTFT
 * p99, else request latency p99), and a progress line "cell 3/12". The whole block is redrawn in place
 * (ANSI cursor movement) as rows arrive and the front moves.
 */
public final class SweepTable implements ExperimentListener {
    static final String STAR = "★";

    private final PrintStream out;
    private final boolean ansi;
    private List<Observation> observed = List.of();
    private String progress = "";
    private int linesDrawn;

    public SweepTable(PrintStream out, boolean ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    @Override
    public void runStarting(Variation v, int trial, int number, int total) {
        progress = "cell " + number + "/" + (total > 0 ? total : "?") + " running: " + v.label() + (trial > 0 ? " (trial " + (trial + 1) + ")" : "");
        redraw();
    }

    @Override
    public void runFinished(Variation v, int trial, TrialOutcome outcome, List<Observation> all, int number, int total) {
        observed = all;
        progress = "cell " + number + "/" + (total > 0 ? total : "?") + " done" + (outcome.succeeded() ? "" : ": " + v.label() + " failed: " + outcome.error());
        redraw();
    }

    @Override
    public void finished(ExperimentResult result) {
        progress = result.partial() ? "stopped: partial results written" : "done: " + result.runs() + " runs, " + result.failedRuns() + " failed";
        redraw();
    }

    private void redraw() {
        String block = render(observed) + progress + "\n";
        if (ansi && linesDrawn > 0) out.print("\033[" + linesDrawn + "F\033[J");
        out.print(block);
        out.flush();
        linesDrawn = ansi ? (int) block.chars().filter(c -> c == '\n').count() : 0;
    }

    /** The table for these observations (also used in tests). */
    public static String render(List<Observation> observations) {
        List<Integer> front = pareto(observations);
        Map<String, String> names = SweepParameter.displayNames(pathsOf(observations));
        TextTable t = new TextTable("Sweep", new String[]{"#", "Cell", "Runs", "Req/s", "Out tok/s", "TTFT p99 ms", "ITL avg ms", "Failed", STAR},
                new boolean[]{true, false, true, true, true, true, true, true, false});
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            Map<String, Object> shown = SweepParameter.displayValues(o.variation(), names);
            String cell = shown.isEmpty() ? o.variation().label() : describe(shown);
            t.addRow(new String[]{Integer.toString(o.variation().index())}, new String[]{cell},
                    new String[]{Integer.toString(o.trials().size())},
                    new String[]{fmt(o.mean("request_throughput", "avg"))}, new String[]{fmt(o.mean("output_token_throughput", "avg"))},
                    new String[]{fmt(o.mean("time_to_first_token", "p99"))}, new String[]{fmt(o.mean("inter_token_latency", "avg"))},
                    new String[]{Long.toString(o.trials().size() - o.successful().size())},
                    new String[]{front.contains(o.variation().index()) ? STAR : ""});
        }
        return t.render();
    }

    /** Variation indices of the non-dominated cells so far: the sweep aggregate's Pareto front. */
    static List<Integer> pareto(List<Observation> observations) {
        return SweepAggregate.of(observations, observations.size(), "repeated", 0.95, 1, true).pareto().stream()
                .map(c -> c.variation().index()).toList();
    }

    private static List<String> pathsOf(List<Observation> observations) {
        Map<String, Boolean> paths = new LinkedHashMap<>();
        for (Observation o : observations) o.variation().values().forEach((k, v) -> {
            if (!(v instanceof Map) && !(v instanceof List)) paths.put(k, true);
        });
        return new ArrayList<>(paths.keySet());
    }

    private static String describe(Map<String, Object> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(dev.redline.plan.ValueText.of(v)));
        return sb.toString();
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
