package dev.redline.runner.plot.chart;

import java.util.List;

/** A preset's own axis labels (AIPerf's x_label / y_label) over the charts of its builder; a null label keeps the default. */
public final class Relabelled<I> implements PlotBuilder<I> {
    private final PlotBuilder<I> inner;
    private final String x;
    private final String y;

    private Relabelled(PlotBuilder<I> inner, String x, String y) {
        this.inner = inner;
        this.x = x;
        this.y = y;
    }

    public static <I> PlotBuilder<I> of(PlotBuilder<I> inner, String x, String y) {
        return x == null && y == null ? inner : new Relabelled<>(inner, x, y);
    }

    @Override
    public String name() { return inner.name(); }

    @Override
    public List<Chart> build(I input) {
        return inner.build(input).stream().map(c -> new Chart(c.id(), c.plot(), c.title(),
                x == null ? c.x() : new Axis(x, c.x().log()), y == null ? c.y() : new Axis(y, c.y().log()),
                c.series(), c.stats(), c.defaultStat(), c.y2())).toList();
    }
}
