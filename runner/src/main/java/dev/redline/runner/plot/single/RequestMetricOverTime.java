package dev.redline.runner.plot.single;

import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.chart.Stats;
import dev.redline.runner.plot.data.RequestPoint;
import dev.redline.runner.plot.data.SingleRunData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A per-request metric over the run (TTFT, ITL, request latency): one marker per successful request at
 * its start time, and a rolling statistic over the last {@value #WINDOW} requests (AIPerf's window) whose
 * statistic follows the stat switcher.
 */
public final class RequestMetricOverTime implements PlotBuilder<SingleRunData> {
    static final int WINDOW = 10;

    private final String name;
    private final String title;
    private final String axis;
    private final ToDoubleFunction<RequestPoint> metric;

    public RequestMetricOverTime(String name, String title, String axis, ToDoubleFunction<RequestPoint> metric) {
        this.name = name;
        this.title = title;
        this.axis = axis;
        this.metric = metric;
    }

    @Override
    public String name() { return name; }

    @Override
    public List<Chart> build(SingleRunData data) {
        List<Point> points = new ArrayList<>();
        for (RequestPoint r : data.requests()) {
            double v = metric.applyAsDouble(r);
            if (!r.failed() && Double.isFinite(v)) points.add(Point.of(data.seconds(r.startNs()), v));
        }
        if (points.isEmpty()) return List.of();
        Map<String, List<Point>> rolling = new LinkedHashMap<>();
        for (String stat : Stats.SWITCHABLE) rolling.put(stat, rolling(points, stat));
        return List.of(new Chart(name, name, title, Axis.linear("Time since start (s)"), Axis.linear(axis),
                List.of(Series.of("requests", SeriesStyle.SCATTER, points), new Series("rolling over " + WINDOW + " requests", SeriesStyle.LINE, rolling)),
                Stats.SWITCHABLE, Stats.AVG));
    }

    /** The statistic over each point and up to WINDOW-1 points before it (pandas rolling, min_periods=1). */
    static List<Point> rolling(List<Point> points, String stat) {
        List<Point> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            int from = Math.max(0, i - WINDOW + 1);
            double[] w = new double[i - from + 1];
            for (int j = from; j <= i; j++) w[j - from] = points.get(j).y();
            out.add(Point.of(points.get(i).x(), Stats.of(w, stat)));
        }
        return out;
    }
}
