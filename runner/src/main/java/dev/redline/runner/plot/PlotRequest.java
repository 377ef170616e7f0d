package dev.redline.runner.plot;

import dev.redline.api.v1alpha1.PlotSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * What to plot and where.
 *
 * @param paths  run directories, directories of runs, sweep or search directories
 * @param output PNGs and dashboard go here; null: plots/ and dashboard.html in the first path
 * @param plots  plot names chosen on the command line (empty: the spec's visualization, else all)
 */
public record PlotRequest(List<Path> paths, Path output, PlotSpec spec, List<String> plots) {
    public PlotRequest {
        paths = List.copyOf(paths);
        plots = List.copyOf(plots);
        spec = spec == null ? new PlotSpec() : spec;
    }

    public Path pngDir() {
        return output != null ? output : paths.get(0).resolve("plots");
    }

    public Path htmlDir() {
        return output != null ? output : paths.get(0);
    }
}
