package dev.redline.runner.plot.multi;

import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.data.MultiRunData;

import java.util.List;

/** The multi-run, sweep and search plots, in PlotNames.MULTI_RUN order. */
public final class MultiRunPlots {
    private MultiRunPlots() { }

    public static List<PlotBuilder<MultiRunData>> all() {
        return List.of(new TtftVsThroughput(), ParetoCurve.vsLatency(), ParetoCurve.vsInteractivity(), new MetricVsParameter(),
                new SearchIterations(), new SearchSla());
    }
}
