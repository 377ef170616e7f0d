package dev.redline.runner.plot;

import dev.redline.api.v1alpha1.PlotNames;
import dev.redline.api.validate.Suggestions;
import dev.redline.runner.BadInputException;
import dev.redline.runner.plot.discover.PlotMode;

import java.util.ArrayList;
import java.util.List;

/** Which plot names to draw in a mode: the command line's, else the spec's visualization defaults, else all. */
final class PlotSelection {
    private PlotSelection() { }

    /** {@code defined}: the plots the config defines for this mode (its *_plots presets), known beside the built-in ones. */
    static List<String> choose(PlotMode mode, List<String> fromCli, List<String> fromSpec, List<String> defined, String where) {
        List<String> known = new ArrayList<>(mode == PlotMode.SINGLE_RUN ? PlotNames.SINGLE_RUN : PlotNames.MULTI_RUN);
        for (String d : defined) if (!known.contains(d)) known.add(d);
        List<String> other = mode == PlotMode.SINGLE_RUN ? PlotNames.MULTI_RUN : PlotNames.SINGLE_RUN;
        if (!fromCli.isEmpty()) {
            List<String> chosen = new ArrayList<>();
            for (String name : fromCli) {
                if (other.contains(name) && !known.contains(name)) {
                    throw new BadInputException("--plot: '" + name + "' is a " + (mode == PlotMode.SINGLE_RUN ? "multi-run" : "single-run")
                            + " plot, but " + where + " is " + (mode == PlotMode.SINGLE_RUN ? "a single run" : "several runs")
                            + "; use one of " + String.join(", ", known));
                }
                if (!known.contains(name)) {
                    List<String> all = new ArrayList<>(PlotNames.SINGLE_RUN);
                    all.addAll(PlotNames.MULTI_RUN);
                    throw new BadInputException("--plot: unknown plot '" + name + "'" + Suggestions.didYouMean(name, all)
                            + "; known: " + String.join(", ", known));
                }
                chosen.add(name);
            }
            return chosen;
        }
        return fromSpec == null || fromSpec.isEmpty() ? (mode == PlotMode.SINGLE_RUN ? PlotNames.SINGLE_RUN : PlotNames.MULTI_RUN) : fromSpec;
    }
}
