package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.ExperimentClassification;
import dev.redline.api.v1alpha1.PlotNames;
import dev.redline.api.v1alpha1.PlotPreset;
import dev.redline.api.v1alpha1.PlotSpec;
import dev.redline.api.v1alpha1.PlotVisualization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The plot section: theme, grouping, classification and plot names, checked before anything runs. */
public final class PlotRules implements ValidationRule {
    @Override
    public void check(BenchmarkSpec spec, Violations out) {
        check(spec.getPlot(), "plot", out);
    }

    /** Also used by {@code redline plot --config}, whose file holds only a plot section. */
    public static void check(PlotSpec plot, String path, Violations out) {
        if (plot == null) return;
        String theme = plot.getTheme();
        if (theme != null && !theme.equals(PlotSpec.LIGHT) && !theme.equals(PlotSpec.DARK)) {
            out.add(path + ".theme", "unknown theme '" + theme + "'; use light or dark");
        }
        String group = plot.getGroupBy();
        if (group != null && !PlotNames.GROUPS.contains(group)) {
            out.add(path + ".groupBy", "unknown grouping '" + group + "'" + Suggestions.didYouMean(group, PlotNames.GROUPS)
                    + "; use model, run_name or experiment_group");
        }
        PlotVisualization v = plot.getVisualization();
        if (v != null) {
            String at = path + ".visualization";
            presets(v.getSingleRunPlots(), at + ".singleRunPlots", out);
            presets(v.getMultiRunPlots(), at + ".multiRunPlots", out);
            names(v.getSingleRunDefaults(), known(PlotNames.SINGLE_RUN, v.getSingleRunPlots()), at + ".singleRunDefaults", out);
            names(v.getMultiRunDefaults(), known(PlotNames.MULTI_RUN, v.getMultiRunPlots()), at + ".multiRunDefaults", out);
        }
        ExperimentClassification c = plot.getExperimentClassification();
        if (c != null && c.getDefaultType() != null && !c.getDefaultType().equals(ExperimentClassification.BASELINE)
                && !c.getDefaultType().equals(ExperimentClassification.TREATMENT)) {
            out.add(path + ".experimentClassification.default", "'" + c.getDefaultType() + "' is not allowed; use baseline or treatment");
        }
        if (c != null && c.getGroupExtractionPattern() != null) {
            try {
                java.util.regex.Pattern.compile(c.getGroupExtractionPattern());
            } catch (java.util.regex.PatternSyntaxException e) {
                out.add(path + ".experimentClassification.groupExtractionPattern", "not a regular expression: " + e.getDescription());
            }
        }
    }

    /** Redline's plot names of the mode and the presets the file defines (AIPerf: a default must name a defined preset). */
    private static List<String> known(List<String> builtIn, Map<String, PlotPreset> defined) {
        List<String> all = new ArrayList<>(builtIn);
        if (defined != null) all.addAll(defined.keySet());
        return all;
    }

    /** Each preset has a type (the schema says which) and something to plot, as AIPerf requires. */
    private static void presets(Map<String, PlotPreset> presets, String path, Violations out) {
        if (presets == null) return;
        presets.forEach((name, p) -> {
            String at = path + "." + name;
            if (p == null || p.getType() == null) {
                out.add(at + ".type", "missing; give the plot's type: " + String.join(", ", PlotPreset.TYPES));
            } else if (p.getX() == null && p.getY() == null && p.getY2() == null) {
                out.add(at, "no metrics: give x and y (a metric name, or {metric, stat})");
            }
        });
    }

    private static void names(List<String> given, List<String> known, String path, Violations out) {
        if (given == null) return;
        for (int i = 0; i < given.size(); i++) {
            String name = given.get(i);
            if (!known.contains(name)) {
                out.add(path + "[" + i + "]", "unknown plot '" + name + "'" + Suggestions.didYouMean(String.valueOf(name), known)
                        + "; known: " + String.join(", ", known));
            }
        }
    }
}
