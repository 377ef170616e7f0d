package dev.redline.runner.plot.chart;

import java.util.List;

/**
 * One named plot (a PlotNames entry): builds its charts from the loaded data, or none when the data
 * needed is not there (no timeslices, no GPU telemetry, a single knob value).
 */
public interface PlotBuilder<I> {
    String name();

    List<Chart> build(I input);
}
