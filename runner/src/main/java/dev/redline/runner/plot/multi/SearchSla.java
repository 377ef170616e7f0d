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
import dev.redline.runner.plot.data.RunData;
import dev.redline.runner.plot.data.SearchHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each SLA of a search: the constrained metric measured at every iteration (mean over its trials, read
 * from the iteration's runs) against the SLA threshold line.
 */
public final class SearchSla implements PlotBuilder<MultiRunData> {
    private static final Pattern ITERATION_DIR = Pattern.compile("search_iter_(\\d+)");

    @Override
    public String name() { return PlotNames.SEARCH_SLA; }

    @Override
    public List<Chart> build(MultiRunData data) {
        List<Chart> charts = new ArrayList<>();
        for (SearchHistory h : data.searches()) {
            for (SearchHistory.Sla sla : h.slas()) {
                List<Point> measured = new ArrayList<>();
                for (SearchHistory.Iteration it : h.iterations()) {
                    double sum = 0;
                    int n = 0;
                    for (RunData r : runsOf(it, h, data.runs())) {
                        Double v = r.value(sla.metric(), sla.stat());
                        if (v != null) {
                            sum += v;
                            n++;
                        }
                    }
                    if (n > 0) measured.add(Point.labelled(it.index(), sum / n, String.valueOf(it.variation())));
                }
                if (measured.isEmpty()) continue;
                double first = measured.get(0).x();
                double last = measured.get(measured.size() - 1).x();
                List<Series> series = List.of(Series.of("measured", SeriesStyle.LINE_MARKERS, measured),
                        Series.of("SLA " + sla.label(), SeriesStyle.LINE, List.of(Point.of(first, sla.threshold()), Point.of(last, sla.threshold()))));
                String id = name() + "_" + sla.metric() + "_" + sla.stat() + (data.searches().size() == 1 ? "" : "_" + (data.searches().indexOf(h) + 1));
                charts.add(new Chart(id, name(), "Search SLA: " + sla.label(), Axis.linear("Iteration"),
                        Axis.linear(MetricLabels.axis(sla.metric(), data.runs()) + " " + sla.stat()), series, List.of(), Stats.AVG));
            }
        }
        return charts;
    }

    /** The iteration's runs: same variation values, else under search_iter_&lt;index&gt;/ of the search's directory. */
    static List<RunData> runsOf(SearchHistory.Iteration it, SearchHistory h, List<RunData> runs) {
        List<RunData> byValues = runs.stream().filter(r -> !it.variation().isEmpty() && sameValues(r.variation(), it.variation())).toList();
        if (!byValues.isEmpty()) return byValues;
        List<RunData> out = new ArrayList<>();
        for (RunData r : runs) {
            if (!r.path().toAbsolutePath().startsWith(h.file().toAbsolutePath().getParent())) continue;
            Matcher m = ITERATION_DIR.matcher(r.path().toString());
            if (m.find() && Integer.parseInt(m.group(1)) == it.index()) out.add(r);
        }
        return out;
    }

    private static boolean sameValues(Map<String, Object> a, Map<String, Object> b) {
        if (a.size() != b.size()) return false;
        for (Map.Entry<String, Object> e : b.entrySet()) {
            Object x = a.get(e.getKey());
            if (x instanceof Number nx && e.getValue() instanceof Number ny) {
                if (nx.doubleValue() != ny.doubleValue()) return false;
            } else if (!Objects.equals(String.valueOf(x), String.valueOf(e.getValue()))) {
                return false;
            }
        }
        return true;
    }
}
