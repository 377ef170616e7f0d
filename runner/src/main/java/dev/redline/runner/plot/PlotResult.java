package dev.redline.runner.plot;

import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.discover.PlotMode;

import java.nio.file.Path;
import java.util.List;

/**
 * What a plot run drew and wrote: the charts (data, for tests), the PNG files, the dashboard (or null), and the plots
 * the config defines that were not drawn, each with why.
 */
public record PlotResult(PlotMode mode, List<Chart> charts, List<Path> pngs, Path dashboard, List<String> notDrawn) {
    public PlotResult {
        notDrawn = List.copyOf(notDrawn);
    }
}
