package dev.redline.runner.plot.multi;

import dev.redline.api.v1alpha1.PlotNames;
import dev.redline.runner.plot.chart.Axis;
import dev.redline.runner.plot.chart.Chart;
import dev.redline.runner.plot.chart.PlotBuilder;
import dev.redline.runner.plot.chart.Point;
import dev.redline.runner.plot.chart.Series;
import dev.redline.runner.plot.chart.SeriesStyle;
import dev.redline.runner.plot.chart.Stats;
import dev.redline.runner.plot.data.MultiRunData;
import dev.redline.runner.plot.data.SearchHistory;

import java.util.ArrayList;
import java.util.List;

/**
 * An adaptive search's objective per iteration, feasible and infeasible (an SLA broken) apart, and the
 * best feasible value so far (the search's answer as it went).
 */
public final class SearchIterations implements PlotBuilder<MultiRunData> {
    @Override
    public String name() { return PlotNames.SEARCH_ITERATIONS; }

    @Override
    public List<Chart> build(MultiRunData data) {
        List<Chart> charts = new ArrayList<>();
        for (int i = 0; i < data.searches().size(); i++) {
            Chart c = chart(data.searches().get(i), data.searches().size() == 1 ? "" : "_" + (i + 1), data);
            if (c != null) charts.add(c);
        }
        return charts;
    }

    private Chart chart(SearchHistory h, String suffix, MultiRunData data) {
        List<Point> feasible = new ArrayList<>();
        List<Point> infeasible = new ArrayList<>();
        List<Point> best = new ArrayList<>();
        Double bestSoFar = null;
        for (SearchHistory.Iteration it : h.iterations()) {
            if (it.objective() == null) continue;
            Point p = Point.labelled(it.index(), it.objective(), String.valueOf(it.variation()));
            (it.feasible() ? feasible : infeasible).add(p);
            if (it.feasible() && (bestSoFar == null || (h.maximize() ? it.objective() > bestSoFar : it.objective() < bestSoFar))) {
                bestSoFar = it.objective();
            }
            if (bestSoFar != null) best.add(Point.of(it.index(), bestSoFar));
        }
        if (feasible.isEmpty() && infeasible.isEmpty()) return null;
        List<Series> series = new ArrayList<>();
        if (!feasible.isEmpty()) series.add(Series.of("feasible", SeriesStyle.SCATTER, feasible));
        if (!infeasible.isEmpty()) series.add(Series.of("infeasible (SLA broken)", SeriesStyle.SCATTER, infeasible));
        if (!best.isEmpty()) series.add(Series.of("best so far", SeriesStyle.STEP, best));
        String objective = h.metric() + " " + h.stat();
        return new Chart(name() + suffix, name(), "Search: " + objective + " (" + (h.maximize() ? "maximise" : "minimise") + ") per iteration",
                Axis.linear("Iteration"), Axis.linear(MetricLabels.axis(h.metric(), data.runs()) + " " + h.stat()), series, List.of(), Stats.AVG);
    }
}
