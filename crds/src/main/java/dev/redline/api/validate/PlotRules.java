package dev.redline.api.validate;

import dev.redline.api.v1alpha1.BenchmarkSpec;
import dev.redline.api.v1alpha1.ExperimentClassification;
import dev.redline.api.v1alpha1.PlotNames;
import dev.redline.api.v1alpha1.PlotSpec;

import java.util.List;

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
        if (plot.getVisualization() != null) {
            names(plot.getVisualization().getSingleRunDefaults(), PlotNames.SINGLE_RUN, path + ".visualization.singleRunDefaults", out);
            names(plot.getVisualization().getMultiRunDefaults(), PlotNames.MULTI_RUN, path + ".visualization.multiRunDefaults", out);
        }
        ExperimentClassification c = plot.getExperimentClassification();
        if (c != null && c.getDefaultType() != null && !c.getDefaultType().equals(ExperimentClassification.BASELINE)
                && !c.getDefaultType().equals(ExperimentClassification.TREATMENT)) {
            out.add(path + ".experimentClassification.default", "'" + c.getDefaultType() + "' is not allowed; use baseline or treatment");
        }
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
