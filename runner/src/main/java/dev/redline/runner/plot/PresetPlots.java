package dev.redline.runner.plot;

import dev.redline.api.v1alpha1.PlotNames;
import dev.redline.api.v1alpha1.PlotPreset;
import dev.redline.api.v1alpha1.PlotSpec;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Relabelled;
import dev.redline.runner.plot.data.MultiRunData;
import dev.redline.runner.plot.data.SingleRunData;
import dev.redline.runner.plot.discover.PlotMode;
import dev.redline.runner.plot.multi.PresetAcrossRuns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plots a config defines by name (AIPerf's {@code plot.visualization.*_plots}), as builders beside the built-in
 * ones. A preset named like a built-in plot is the built-in plot. Across runs: scatter, scatter_line and pareto of
 * summary statistics, and latency_throughput_uncertainty (means with their confidence ellipses); over one run: every
 * type AIPerf draws over one run ({@link SingleRunPresets}), server-metric ones (percentile_bands, histogram, area) from
 * server_metrics_export.json's timeslices and buckets. {@link #notDrawn}
 * says which presets are not drawn and why.
 */
final class PresetPlots {
    private PresetPlots() { }

    static List<PlotBuilder<MultiRunData>> acrossRuns(PlotSpec spec) {
        List<PlotBuilder<MultiRunData>> out = new ArrayList<>();
        presets(spec, PlotMode.MULTI_RUN).forEach((name, p) -> {
            if (drawnAcrossRuns(name, p)) out.add(Relabelled.of(new PresetAcrossRuns(name, p), p.getXLabel(), p.getYLabel()));
        });
        return out;
    }

    /** Throws a one-line BadInputException for a preset value its type cannot use. */
    static List<PlotBuilder<SingleRunData>> overOneRun(PlotSpec spec) {
        List<PlotBuilder<SingleRunData>> out = new ArrayList<>();
        presets(spec, PlotMode.SINGLE_RUN).forEach((name, p) -> {
            if (builtIn(name, PlotMode.SINGLE_RUN)) return;
            PlotBuilder<SingleRunData> b = SingleRunPresets.builder(name, p);
            if (b != null) out.add(Relabelled.of(b, p.getXLabel(), p.getYLabel()));
        });
        return out;
    }

    /** The defined plots of the mode that are not drawn, each with why (one line each). */
    static List<String> notDrawn(PlotSpec spec, PlotMode mode) {
        List<String> out = new ArrayList<>();
        presets(spec, mode).forEach((name, p) -> {
            if (builtIn(name, mode)) return;
            String why = mode == PlotMode.MULTI_RUN
                    ? (drawnAcrossRuns(name, p) ? null : "Redline draws scatter, scatter_line, pareto and latency_throughput_uncertainty "
                    + "presets of summary metrics across runs")
                    : SingleRunPresets.notDrawn(p);
            if (why != null) out.add("plot '" + name + "' (type " + (p == null ? null : p.getType()) + ") is not drawn: " + why);
        });
        return out;
    }

    /** The names the config defines for the mode (for --plot and the defaults). */
    static List<String> names(PlotSpec spec, PlotMode mode) {
        return new ArrayList<>(presets(spec, mode).keySet());
    }

    private static Map<String, PlotPreset> presets(PlotSpec spec, PlotMode mode) {
        if (spec == null || spec.getVisualization() == null) return Map.of();
        Map<String, PlotPreset> m = mode == PlotMode.SINGLE_RUN ? spec.getVisualization().getSingleRunPlots() : spec.getVisualization().getMultiRunPlots();
        return m == null ? Map.of() : m;
    }

    private static boolean builtIn(String name, PlotMode mode) {
        return (mode == PlotMode.SINGLE_RUN ? PlotNames.SINGLE_RUN : PlotNames.MULTI_RUN).contains(name);
    }

    private static boolean drawnAcrossRuns(String name, PlotPreset p) {
        return !builtIn(name, PlotMode.MULTI_RUN) && p != null && p.getType() != null && p.getX() != null && p.getY() != null
                && PresetAcrossRuns.TYPES.contains(p.getType());
    }
}
